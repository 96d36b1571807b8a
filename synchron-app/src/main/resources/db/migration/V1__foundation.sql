-- The ledger: one row per marketplace order, linked to at most one Shopify order.
create table synced_order (
  id                      uuid primary key,
  channel_id              text        not null,
  marketplace_order_id    text        not null,
  marketplace_status      text        not null,
  shopify_status          text        not null,
  marketplace_state       text,
  marketplace_updated_at  timestamptz,
  snapshot                jsonb       not null,
  review_reason           text,
  shopify_order_gid       text,
  shopify_order_name      text,
  version                 bigint      not null default 0,
  created_at              timestamptz not null,
  updated_at              timestamptz not null,
  constraint synced_order_marketplace_key unique (channel_id, marketplace_order_id),
  constraint synced_order_shopify_key unique (shopify_order_gid)
);
create index synced_order_statuses on synced_order (marketplace_status, shopify_status);

create table order_line_link (
  synced_order_id       uuid not null references synced_order (id),
  marketplace_line_id   text not null,
  shopify_line_item_id  text,
  sku                   text not null,
  quantity              integer not null,
  primary key (synced_order_id, marketplace_line_id)
);

-- What happened to an order, on which side.
create table timeline_entry (
  id               bigserial primary key,
  synced_order_id  uuid        not null references synced_order (id),
  at               timestamptz not null,
  side             text        not null,
  type             text        not null,
  message          text        not null
);
create index timeline_entry_order on timeline_entry (synced_order_id, id);

-- Inbound signals, stored before they are applied; de-duplicated on the source's own key.
create table inbox_signal (
  id            bigserial primary key,
  channel_id    text        not null,
  source        text        not null,
  dedup_key     text        not null,
  subject       text,
  received_at   timestamptz not null,
  payload       text        not null,
  status        text        not null,
  error         text,
  applied_at    timestamptz,
  constraint inbox_signal_dedup unique (source, channel_id, dedup_key)
);
create index inbox_signal_pending on inbox_signal (status, id);

-- Durable outbound work.
create table job (
  id               uuid primary key,
  kind             text        not null,
  idempotency_key  text        not null unique,
  order_key        text        not null,
  synced_order_id  uuid references synced_order (id),
  payload          text        not null,
  state            text        not null,
  execute_at       timestamptz not null,
  attempts         integer     not null default 0,
  picked_by        text,
  lease_until      timestamptz,
  last_error       text,
  last_error_kind  text,
  result           text,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  completed_at     timestamptz
);
create index job_due on job (state, execute_at);
create index job_order_key on job (order_key, state);

-- Where each channel's incremental poll resumes.
create table poll_cursor (
  channel_id            text primary key,
  next_start            timestamptz not null,
  leased_by             text,
  lease_until           timestamptz,
  last_poll_at          timestamptz,
  last_success_at       timestamptz,
  consecutive_failures  integer not null default 0,
  last_error            text
);
