-- When each order's refunds were last compared on every side, so the periodic check goes round all of them.
create table refund_check (
  synced_order_id  uuid primary key references synced_order (id),
  checked_at       timestamptz not null
);
