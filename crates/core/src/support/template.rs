//! `{{placeholder}}` filling for smart and canned replies. A reply must never reach a
//! customer with a placeholder left in it (SPEC §7.7: no "… برقم undefined"), so filling
//! reports what it could not fill, and sending refuses any text that still has one.

/// What a reply may be filled with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplyContext {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub order_number: Option<String>,
    pub ticket_number: Option<String>,
    pub agent_name: Option<String>,
}

impl ReplyContext {
    fn value(&self, name: &str) -> Option<&str> {
        let value = match name {
            "firstName" => self.first_name.as_deref(),
            "lastName" => self.last_name.as_deref(),
            "orderNumber" => self.order_number.as_deref(),
            "ticketNumber" => self.ticket_number.as_deref(),
            "agentName" => self.agent_name.as_deref(),
            _ => None,
        };
        value.filter(|v| !v.trim().is_empty())
    }
}

/// The placeholders SPEC's templates and canned replies may use.
pub const PLACEHOLDERS: [&str; 5] = ["firstName", "lastName", "orderNumber", "ticketNumber", "agentName"];

/// Fills every placeholder it can. `Err` carries the text with the unfilled ones left as
/// they were, and their names, so an agent can see what to type.
pub fn fill(template: &str, context: &ReplyContext) -> Result<String, (String, Vec<String>)> {
    let mut out = String::with_capacity(template.len());
    let mut missing = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start..].find("}}") else { break };
        let end = start + length;
        out.push_str(&rest[..start]);
        let name = rest[start + 2..end].trim();
        match context.value(name) {
            Some(value) => out.push_str(value),
            None => {
                out.push_str(&rest[start..end + 2]);
                missing.push(name.to_string());
            }
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    if missing.is_empty() {
        Ok(out)
    } else {
        Err((out, missing))
    }
}

/// The first `{{…}}` left in a text about to be sent, if any.
pub fn unfilled(text: &str) -> Option<&str> {
    let start = text.find("{{")?;
    let end = text[start..].find("}}")? + start;
    Some(&text[start..end + 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_what_it_knows_and_names_what_it_does_not() {
        let context = ReplyContext { first_name: Some("هدى".into()), ticket_number: Some("T-A7K-2611-0042".into()), ..Default::default() };
        assert_eq!(fill("مرحباً {{firstName}}، تذكرتك {{ticketNumber}}", &context), Ok("مرحباً هدى، تذكرتك T-A7K-2611-0042".into()));
        assert_eq!(
            fill("طلبك {{ orderNumber }} يا {{firstName}}", &context),
            Err(("طلبك {{ orderNumber }} يا هدى".into(), vec!["orderNumber".into()]))
        );
        assert_eq!(fill("{{nonsense}}", &context).unwrap_err().1, vec!["nonsense".to_string()]);
        assert_eq!(fill("no braces {{ at the end", &context), Ok("no braces {{ at the end".into()));
        assert_eq!(unfilled("طلبك {{orderNumber}} جاهز"), Some("{{orderNumber}}"));
        assert_eq!(unfilled("جاهز"), None);
    }
}
