-- Shipments: one row per Shopify fulfilment of an imported order, and what the marketplace has been told of it.
create table shipment (
  id                        uuid primary key,
  synced_order_id           uuid        not null references synced_order (id),
  shopify_fulfillment_gid   text        not null unique,
  status                    text        not null,
  display_status            text,
  tracking_company          text,
  tracking_number           text,
  tracking_url              text,
  lines                     jsonb       not null,
  marketplace_shipment_id   text,
  pushed_tracking           text,
  shopify_updated_at        timestamptz,
  created_at                timestamptz not null,
  updated_at                timestamptz not null
);
create index shipment_order on shipment (synced_order_id);

-- Webhooks: what the delivery said about itself.
alter table inbox_signal add column topic text;
alter table inbox_signal add column occurred_at timestamptz;

-- Where each store's reconciliation sweep resumes (Shopify's updated_at of the last order it saw).
create table shopify_sweep_cursor (
  shop_id        text primary key,
  updated_after  timestamptz not null,
  last_sweep_at  timestamptz
);
