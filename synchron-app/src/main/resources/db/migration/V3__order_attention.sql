-- A situation on an order that needs a person but is not a failed action: e.g. cancelled on the marketplace after
-- its Shopify order was created.
alter table synced_order add column attention text;
create index synced_order_attention on synced_order (updated_at) where attention is not null;
