-- Quantities promised to accepted orders that are not in Shopify yet (and so not yet taken from its stock).
-- Kept per order line SKU so that an acceptance decision reads only the SKUs it needs.
create table stock_reservation (
  synced_order_id  uuid    not null references synced_order (id),
  channel_id       text    not null,
  sku              text    not null,
  quantity         integer not null,
  primary key (synced_order_id, sku)
);
create index stock_reservation_sku on stock_reservation (sku, channel_id);

insert into stock_reservation (synced_order_id, channel_id, sku, quantity)
select o.id, o.channel_id, line->>'sku', sum((line->>'quantity')::int)
from synced_order o, jsonb_array_elements(o.snapshot->'lines') line
where o.marketplace_status in ('ACCEPTING', 'ACCEPTED', 'TO_SHIP')
  and o.shopify_status in ('NOT_IMPORTED', 'IMPORT_QUEUED')
group by o.id, o.channel_id, line->>'sku';
