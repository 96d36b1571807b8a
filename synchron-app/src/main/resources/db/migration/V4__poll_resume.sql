-- A poll interrupted part way (429, 5xx, a timeout) resumes at the page it reached instead of starting over, so a
-- large backlog is read to the end even when the marketplace paces us.
alter table poll_cursor add column resume_offset integer not null default 0;
alter table poll_cursor add column window_started_at timestamptz;
