//! E-mail addresses as a dedupe key: trimmed and lower-cased (SPEC §1.2), and checked only
//! as far as a CRM can check one without sending mail.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidEmail;

/// RFC 5321's limit on a forward path.
pub const MAX_EMAIL_LEN: usize = 254;

impl Email {
    pub fn parse(input: &str) -> Result<Email, InvalidEmail> {
        let normalised = input.trim().to_lowercase();
        if normalised.is_empty() || normalised.len() > MAX_EMAIL_LEN {
            return Err(InvalidEmail);
        }
        let (local, domain) = normalised.split_once('@').ok_or(InvalidEmail)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
        if local_ok && domain_ok {
            Ok(Email(normalised))
        } else {
            Err(InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_spaces() {
        assert_eq!(Email::parse("  Ahmed.Ali@Mail.LY ").unwrap().as_str(), "ahmed.ali@mail.ly");
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in ["", "ahmed", "ahmed@", "@mail.ly", "ahmed@mail", "ah med@mail.ly", "a..b@mail.ly",
            "ahmed@mail..ly", "ahmed@-mail.ly", "ahmed@mail.l", "a@b@c.ly"] {
            assert_eq!(Email::parse(bad), Err(InvalidEmail), "{bad}");
        }
    }
}
