-- Returns, as the marketplace and Shopify each have them, linked to one another.
create table order_return (
  id                  uuid primary key,
  synced_order_id     uuid        not null references synced_order (id),
  channel_id          text        not null,
  marketplace_return_id text,
  origin              text        not null,
  state               text        not null,
  reason_code         text,
  lines               jsonb       not null,
  shopify_return_gid  text,
  marketplace_updated_at timestamptz,
  created_at          timestamptz not null,
  updated_at          timestamptz not null
);
create unique index order_return_marketplace on order_return (channel_id, marketplace_return_id)
  where marketplace_return_id is not null;
create unique index order_return_shopify on order_return (shopify_return_gid) where shopify_return_gid is not null;
create index order_return_order on order_return (synced_order_id);

-- Where each channel's return polling (Mirakl RT11) has got to.
create table return_poll_cursor (
  channel_id   text primary key,
  next_start   timestamptz not null,
  unavailable  boolean     not null default false,
  updated_at   timestamptz not null
);
