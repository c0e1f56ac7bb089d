//! The ticket status machine of SPEC §7.2 (Resolution): which status follows which, and
//! what an event (a reply, an assignment) does to the status. Pure: the use-cases in
//! [`super::tickets`] ask here before they write, so the desktop, the CLI and later the
//! sync hub enforce the same table.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TicketStatus {
    Open,
    InProgress,
    WaitingResponse,
    Resolved,
    Closed,
}

impl TicketStatus {
    pub const ALL: [TicketStatus; 5] =
        [TicketStatus::Open, TicketStatus::InProgress, TicketStatus::WaitingResponse, TicketStatus::Resolved, TicketStatus::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::InProgress => "in_progress",
            TicketStatus::WaitingResponse => "waiting_response",
            TicketStatus::Resolved => "resolved",
            TicketStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<TicketStatus> {
        TicketStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Still to be worked on: in a queue, and on an SLA clock unless waiting.
    pub fn is_active(self) -> bool {
        matches!(self, TicketStatus::Open | TicketStatus::InProgress | TicketStatus::WaitingResponse)
    }
}

/// Why a status change was refused, as a field error the UI and the CLI localise.
pub fn refused(from: TicketStatus, to: TicketStatus) -> FieldError {
    FieldError::new("status", "ticket-error-transition").with_arg("from", from.as_str()).with_arg("to", to.as_str())
}

/// The transitions staff may make by choosing a status (SPEC §7.2). `resolved → open` is
/// a reopen. Everything else, including any change out of `closed`, is refused.
pub fn check(from: TicketStatus, to: TicketStatus) -> Result<(), FieldError> {
    use TicketStatus::*;
    let allowed = matches!(
        (from, to),
        (Open, InProgress)
            | (Open, WaitingResponse)
            | (InProgress, WaitingResponse)
            | (WaitingResponse, InProgress)
            | (Open | InProgress | WaitingResponse, Resolved)
            | (Resolved, Open)
            | (Resolved, Closed)
    );
    if allowed {
        Ok(())
    } else {
        Err(refused(from, to))
    }
}

/// What happened to a ticket, beyond staff choosing a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// An agent's reply to the customer (not an internal note).
    AgentReply,
    /// The customer wrote.
    CustomerMessage,
    /// An agent took or was given the ticket.
    Assigned,
    /// The assignee was cleared.
    Unassigned,
}

/// Where an event leaves a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// This status (perhaps the same one).
    Status(TicketStatus),
    /// The ticket is closed: the customer's message starts a new ticket that refers to it.
    NewTicket,
}

/// The status an event moves a ticket to, or why the event is refused there.
pub fn on_event(status: TicketStatus, event: Event) -> Result<After, FieldError> {
    use TicketStatus::*;
    Ok(match (status, event) {
        (Closed, Event::CustomerMessage) => After::NewTicket,
        (Closed, _) => return Err(FieldError::new("ticket", "ticket-error-closed")),
        // The first agent reply starts the work; later ones leave the status alone (an
        // agent waiting on the customer may write again; a resolved ticket may get a
        // follow-up without reopening it).
        (Open, Event::AgentReply | Event::Assigned) => After::Status(InProgress),
        (_, Event::AgentReply | Event::Assigned) => After::Status(status),
        (WaitingResponse, Event::CustomerMessage) => After::Status(InProgress),
        // The customer writing again reopens a resolved ticket.
        (Resolved, Event::CustomerMessage) => After::Status(Open),
        (_, Event::CustomerMessage) => After::Status(status),
        (Open | InProgress, Event::Unassigned) => After::Status(status),
        (_, Event::Unassigned) => return Err(FieldError::new("assignedTo", "ticket-error-unassign").with_arg("status", status.as_str())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use TicketStatus::*;

    /// Every pair of statuses against SPEC §7.2's table: the nine allowed ones pass, the
    /// other sixteen are refused with the two statuses named.
    #[test]
    fn every_allowed_and_forbidden_transition() {
        let allowed = [
            (Open, InProgress),
            (Open, WaitingResponse),
            (InProgress, WaitingResponse),
            (WaitingResponse, InProgress),
            (WaitingResponse, Resolved),
            (Open, Resolved),
            (InProgress, Resolved),
            (Resolved, Open),
            (Resolved, Closed),
        ];
        let mut refused_count = 0;
        for from in TicketStatus::ALL {
            for to in TicketStatus::ALL {
                let result = check(from, to);
                if allowed.contains(&(from, to)) {
                    assert_eq!(result, Ok(()), "{from:?} → {to:?}");
                } else {
                    let error = result.expect_err(&format!("{from:?} → {to:?} must be refused"));
                    assert_eq!(error.message_id, "ticket-error-transition");
                    assert_eq!((error.args["from"].as_str(), error.args["to"].as_str()), (from.as_str(), to.as_str()));
                    refused_count += 1;
                }
            }
        }
        assert_eq!(refused_count, 16);
    }

    #[test]
    fn events_move_tickets_as_section_7_2_says() {
        assert_eq!(on_event(Open, Event::AgentReply), Ok(After::Status(InProgress)));
        assert_eq!(on_event(Open, Event::Assigned), Ok(After::Status(InProgress)));
        assert_eq!(on_event(WaitingResponse, Event::AgentReply), Ok(After::Status(WaitingResponse)));
        assert_eq!(on_event(WaitingResponse, Event::CustomerMessage), Ok(After::Status(InProgress)));
        assert_eq!(on_event(Resolved, Event::CustomerMessage), Ok(After::Status(Open)));
        assert_eq!(on_event(InProgress, Event::CustomerMessage), Ok(After::Status(InProgress)));
        assert_eq!(on_event(Closed, Event::CustomerMessage), Ok(After::NewTicket));
        assert_eq!(on_event(Closed, Event::AgentReply).unwrap_err().message_id, "ticket-error-closed");
        assert_eq!(on_event(Closed, Event::Assigned).unwrap_err().message_id, "ticket-error-closed");
        assert_eq!(on_event(Open, Event::Unassigned), Ok(After::Status(Open)));
        assert_eq!(on_event(InProgress, Event::Unassigned), Ok(After::Status(InProgress)));
        for status in [WaitingResponse, Resolved] {
            assert_eq!(on_event(status, Event::Unassigned).unwrap_err().message_id, "ticket-error-unassign");
        }
    }
}
