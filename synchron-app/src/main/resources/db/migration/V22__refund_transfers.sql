-- Refunds carried from one side to the other, one row per refund: Shopify refunds sent to the marketplace (OR28)
-- and marketplace refunds recorded in Shopify. Keyed by the originating refund, so each is carried once.
create table refund_transfer (
  id                      uuid primary key,
  synced_order_id         uuid        not null references synced_order (id),
  direction               text        not null,
  shopify_refund_gid      text,
  marketplace_refund_ids  text        not null default '',
  state                   text        not null,
  figures                 jsonb,
  known_refund_ids        text,
  attempted_at            timestamptz,
  money                   numeric(19, 4),
  currency                text,
  message                 text,
  created_at              timestamptz not null,
  updated_at              timestamptz not null
);
create unique index refund_transfer_shopify on refund_transfer (synced_order_id, shopify_refund_gid)
  where direction = 'SHOPIFY_TO_MARKETPLACE';
create unique index refund_transfer_marketplace on refund_transfer (synced_order_id, marketplace_refund_ids)
  where direction = 'MARKETPLACE_TO_SHOPIFY';
create index refund_transfer_order on refund_transfer (synced_order_id);
