-- The whole store. Applied by etl.db.init_store(); every statement is idempotent.
-- Observations and targets are append-only; a batch's status decides whether its rows count.

create table if not exists meta (
    key varchar primary key,
    value varchar not null
);

create sequence if not exists batch_id_seq start 1;

create table if not exists batches (
    batch_id integer primary key default nextval('batch_id_seq'),
    kind varchar not null,             -- spreadsheet | sample | correction | report | targets
    source_name varchar,               -- file name as the user gave it (no directory)
    sha256 varchar,                    -- of the file's bytes; null for corrections
    created_at timestamp not null,     -- UTC
    created_by varchar not null,
    status varchar not null,           -- committed | rolled_back
    n_new integer not null default 0,  -- values new to the store when committed
    n_changed integer not null default 0,
    n_unchanged integer not null default 0,
    n_targets integer not null default 0,
    is_sample boolean not null default false,
    note varchar
);

-- Every status change of a batch, so the history of rollbacks and re-applies is kept.
create table if not exists batch_events (
    batch_id integer not null,
    event varchar not null,            -- commit | rollback | reapply
    event_at timestamp not null,       -- UTC
    event_by varchar not null,
    note varchar
);

create table if not exists observations (
    batch_id integer not null,
    district_code varchar not null,
    year integer not null,
    indicator_code varchar not null,
    value double,                      -- base units: percent as 93.0, money in yuan; null clears a value
    qualifier varchar not null,        -- exact | approx | more_than | nearly
    raw varchar,                       -- the cell as the user wrote it
    source_ref varchar,                -- file:sheet!cell
    evidence varchar                   -- report sentence, for report batches
);

create table if not exists targets (
    batch_id integer not null,
    indicator_code varchar not null,
    year integer not null,
    district_code varchar,             -- null: the target for every district
    value double,                      -- base units; null clears a target
    source_ref varchar
);

-- Reference data, refreshed from data/catalog/ on every write (not user data, so replaced whole).
create table if not exists indicators (
    code varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    unit varchar not null,
    unit_label_zh varchar not null,
    unit_label_en varchar not null,
    theme varchar not null,
    polarity varchar not null,
    headline boolean not null,
    sort_order integer not null
);

create table if not exists districts (
    code varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    city_zh varchar not null,
    city_en varchar not null,
    province_zh varchar not null,
    province_en varchar not null,
    level varchar not null,
    is_sample boolean not null
);

-- The value of (district, year, indicator) from the latest committed batch that holds it.
create or replace view current_observations as
with ranked as (
    select
        o.*,
        row_number() over (
            partition by o.district_code, o.year, o.indicator_code
            order by o.batch_id desc
        ) as rn
    from observations as o
    join batches as b using (batch_id)
    where b.status = 'committed'
),
final as (
    select
        batch_id,
        district_code,
        year,
        indicator_code,
        value,
        qualifier,
        raw,
        source_ref,
        evidence
    from ranked
    where rn = 1
      and value is not null
)
select * from final;

create or replace view current_targets as
with ranked as (
    select
        t.*,
        row_number() over (
            partition by t.indicator_code, t.year, coalesce(t.district_code, '')
            order by t.batch_id desc
        ) as rn
    from targets as t
    join batches as b using (batch_id)
    where b.status = 'committed'
),
final as (
    select
        batch_id,
        indicator_code,
        year,
        district_code,
        value
    from ranked
    where rn = 1
      and value is not null
)
select * from final;
