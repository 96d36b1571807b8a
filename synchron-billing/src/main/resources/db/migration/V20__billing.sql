-- Billing: gapless numbering series, issued invoices and credit notes (immutable), their lines, VAT and files.

create table billing_series (
  series_id   text primary key,
  last_number bigint not null default 0 check (last_number >= 0)
);

create table billing_document (
  id                       bigserial primary key,
  document_number          text not null unique,
  series_id                text not null references billing_series (series_id),
  sequence_number          bigint not null check (sequence_number > 0),
  kind                     text not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
  request_key              text not null unique,
  issue_date               date not null,
  issued_at                timestamptz not null,
  regime                   text not null,
  currency                 char(3) not null,
  price_mode               text not null,
  marketplace_order_id     text not null,
  delivery_date            date,
  original_document_id     bigint references billing_document (id),
  credit_reason            text,
  seller_name              text not null,
  seller_line1             text,
  seller_line2             text,
  seller_postal_code       text,
  seller_city              text,
  seller_subdivision       text,
  seller_country           char(2) not null,
  seller_vat_id            text not null,
  seller_registration_id   text,
  seller_registration_scheme text,
  seller_payment_terms     text,
  seller_account_id        text,
  seller_bic               text,
  seller_account_name      text,
  seller_accounting_currency char(3) not null,
  seller_zone              text not null,
  seller_address_scheme    text,
  seller_address           text,
  buyer_name               text not null,
  buyer_line1              text,
  buyer_line2              text,
  buyer_postal_code        text,
  buyer_city               text,
  buyer_subdivision        text,
  buyer_country            char(2) not null,
  buyer_vat_id             text,
  buyer_address_scheme     text,
  buyer_address            text,
  accounting_currency      char(3),
  exchange_rate            numeric,
  exchange_rate_date       date,
  vat_total_accounting     numeric,
  line_net_total           numeric not null,
  tax_exclusive_total      numeric not null,
  vat_total                numeric not null,
  tax_inclusive_total      numeric not null,
  paid_amount              numeric not null,
  amount_due               numeric not null,
  unique (series_id, sequence_number),
  check ((kind = 'CREDIT_NOTE') = (original_document_id is not null)),
  check ((accounting_currency is null) = (exchange_rate is null))
);

create index billing_document_order_idx on billing_document (marketplace_order_id);
create index billing_document_original_idx on billing_document (original_document_id);
create index billing_document_issue_date_idx on billing_document (issue_date);

create table billing_document_line (
  document_id     bigint not null references billing_document (id),
  position        int not null check (position > 0),
  line_id         text not null,
  kind            text not null,
  description     text not null,
  sku             text,
  quantity        numeric not null,
  unit_code       text not null,
  net_unit_price  numeric not null,
  discount        numeric not null,
  net_amount      numeric not null,
  vat_category    text not null,
  vat_rate        numeric not null,
  charged_amount  numeric not null,
  units           numeric not null,
  primary key (document_id, position)
);

create table billing_vat_breakdown (
  document_id           bigint not null references billing_document (id),
  position              int not null,
  vat_category          text not null,
  vat_rate              numeric not null,
  taxable_amount        numeric not null,
  tax_amount            numeric not null,
  exemption_reason      text,
  exemption_reason_code text,
  primary key (document_id, position)
);

-- The files of a document, apart so that reading documents does not drag them along.
create table billing_document_files (
  document_id bigint primary key references billing_document (id),
  pdf         bytea not null,
  facturx     bytea not null,
  ubl         bytea not null
);

create table billing_document_note (
  document_id  bigint not null references billing_document (id),
  position     int not null,
  subject_code text,
  text         text not null,
  primary key (document_id, position)
);

-- Every row of these tables belongs to an issued document: corrections are new documents (credit notes), never edits.
create function billing_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'billing documents are immutable once issued: % on % refused; issue a credit note instead',
    tg_op, tg_table_name using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger billing_document_immutable before update or delete on billing_document
  for each row execute function billing_refuse_change();
create trigger billing_document_no_truncate before truncate on billing_document
  for each statement execute function billing_refuse_change();
create trigger billing_document_line_immutable before update or delete on billing_document_line
  for each row execute function billing_refuse_change();
create trigger billing_document_line_no_truncate before truncate on billing_document_line
  for each statement execute function billing_refuse_change();
create trigger billing_vat_breakdown_immutable before update or delete on billing_vat_breakdown
  for each row execute function billing_refuse_change();
create trigger billing_vat_breakdown_no_truncate before truncate on billing_vat_breakdown
  for each statement execute function billing_refuse_change();
create trigger billing_document_files_immutable before update or delete on billing_document_files
  for each row execute function billing_refuse_change();
create trigger billing_document_files_no_truncate before truncate on billing_document_files
  for each statement execute function billing_refuse_change();
create trigger billing_document_note_immutable before update or delete on billing_document_note
  for each row execute function billing_refuse_change();
create trigger billing_document_note_no_truncate before truncate on billing_document_note
  for each statement execute function billing_refuse_change();
