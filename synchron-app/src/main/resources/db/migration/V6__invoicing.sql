-- Which billing documents an order has (the documents themselves live in the billing tables).
create table order_document (
  number            text primary key,
  synced_order_id   uuid        not null references synced_order (id),
  kind              text        not null,
  trigger_key       text        not null unique,
  uploaded_at       timestamptz,
  created_at        timestamptz not null
);
create index order_document_order on order_document (synced_order_id);

-- Finance events, in order: delivered to every configured endpoint, replayable from any point.
create table finance_event (
  id               bigserial primary key,
  type             text        not null,
  document_number  text        not null,
  payload          text        not null,
  created_at       timestamptz not null
);
