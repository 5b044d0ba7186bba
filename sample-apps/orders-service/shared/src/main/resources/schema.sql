-- Run on every start (spring.sql.init.mode=always); written so that H2 and PostgreSQL both accept it.
create table if not exists orders (
    id         uuid primary key,
    sku        varchar(64) not null,
    qty        integer not null check (qty > 0),
    status     varchar(16) not null,
    created_at timestamp with time zone not null
);
create index if not exists orders_created_at on orders (created_at);
