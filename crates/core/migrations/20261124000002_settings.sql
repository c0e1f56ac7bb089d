-- Workspace settings as key → JSON value. Later issues keep tier thresholds, loyalty and
-- SLA settings here; the foundation records whether the first-run choice was made.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
