-- The marketplace document request (Mirakl DR11) a document answered, if any.
alter table order_document add column request_id text unique;
