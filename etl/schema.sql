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
    evidence varchar,                  -- report sentence, for report batches
    period varchar not null default 'year' -- what the figure covers (etl/periods.py): year | m1-6 | total:2015-2019 …
);

-- Stores made before periods: every figure they hold was taken as the calendar year's.
alter table observations add column if not exists period varchar default 'year';

create table if not exists targets (
    batch_id integer not null,
    indicator_code varchar not null,
    year integer not null,
    district_code varchar,             -- null: the target for every district
    value double,                      -- base units; null clears a target
    source_ref varchar
);

-- The yearly collection cycle (etl/cycle.py): every submit, review, lock and rollback of a district-year, in order.
-- Append-only; event_id gives the order (timestamps are whole seconds). This is the audit log.
create sequence if not exists cycle_event_seq start 1;

create table if not exists cycle_events (
    event_id integer primary key default nextval('cycle_event_seq'),
    event varchar not null,            -- submit | targets | rollback | reapply | approve | return | lock | unlock | deadline
    city_zh varchar not null,
    year integer not null,
    district_code varchar,             -- null: the whole city-year (lock, unlock, deadline)
    batch_id integer,                  -- submit, targets, rollback, reapply
    event_at timestamp not null,       -- UTC
    event_by varchar not null,
    reason varchar,                    -- return, unlock: required; approve, lock: optional
    deadline date                      -- deadline events: the date by which every district reports
);

-- A snapshot ("as presented"): the batches in effect at that moment. Nothing is copied; --as-of filters by it.
create sequence if not exists snapshot_id_seq start 1;

create table if not exists snapshots (
    snapshot_id integer primary key default nextval('snapshot_id_seq'),
    created_at timestamp not null,     -- UTC
    created_by varchar not null,
    note varchar,
    max_batch_id integer not null,     -- batches created later did not exist yet
    max_event_id integer not null      -- cycle events (reviews, locks) up to this one had happened
);

create table if not exists snapshot_batches (
    snapshot_id integer not null,
    batch_id integer not null          -- committed (not rolled back) when the snapshot was taken
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

-- Indicators and the ratios derived from them (derived: numerator / denominator × scale per district-year).
create table if not exists metrics (
    code varchar primary key,
    name_zh varchar not null,
    name_en varchar not null,
    unit varchar not null,             -- percent | count | person | person_times | yuan | per_10k
    unit_label_zh varchar not null,
    unit_label_en varchar not null,
    theme varchar not null,
    polarity varchar not null,         -- higher | lower | none: which direction is good
    kind varchar not null,             -- reported | derived
    headline boolean not null,
    numerator varchar,
    denominator varchar,
    scale double,
    pool_numerator varchar,            -- city figure: sum(pool_numerator) / sum(pool_denominator) × 100
    pool_denominator varchar,
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

-- The value of (district, year, indicator, period) from the latest committed batch that holds it, every period.
-- year is the period's last year (total:2015-2019 is stored at 2019). Read by the "other figures" query only.
create or replace view current_period_observations as
with ranked as (
    select
        o.*,
        coalesce(o.period, 'year') as period_code,
        row_number() over (
            partition by o.district_code, o.year, o.indicator_code, coalesce(o.period, 'year')
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
        evidence,
        period_code as period
    from ranked
    where rn = 1
      and value is not null
)
select * from final;

-- The calendar-year figures only: everything annual (rankings, trends, year-on-year, targets, city figures, decks)
-- is built on this view, so a five-year total or a half-year figure can never stand in for a year.
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
      and coalesce(o.period, 'year') = 'year'
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

-- is_sample: set by the sample data. A sample target for every district applies to the sample city only, so the
-- fictional targets never judge real districts (see district_metrics, city_figures and the queries).
create or replace view current_targets as
with ranked as (
    select
        t.*,
        b.is_sample,
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
        value,
        is_sample
    from ranked
    where rn = 1
      and value is not null
)
select * from final;

-- Every metric's current value: reported ones as stored, derived ones computed per district-year.
-- A derived value needs both parts and a positive denominator; it is approximate when either part is.
create or replace view current_metrics as
with reported as (
    select
        district_code,
        year,
        indicator_code as metric_code,
        value,
        qualifier,
        batch_id
    from current_observations
),
derived as (
    select
        n.district_code,
        n.year,
        m.code as metric_code,
        n.value / d.value * m.scale as value,
        case when n.qualifier = 'exact' and d.qualifier = 'exact' then 'exact' else 'approx' end as qualifier,
        greatest(n.batch_id, d.batch_id) as batch_id
    from metrics as m
    join current_observations as n
        on n.indicator_code = m.numerator
    join current_observations as d
        on d.indicator_code = m.denominator
       and d.district_code = n.district_code
       and d.year = n.year
    where m.kind = 'derived'
      and d.value > 0
),
final as (
    select * from reported
    union all
    select * from derived
)
select * from final;

-- The districts of each city that are compared with each other (a city's own federation, level = 'city', is not
-- one of its districts), each with a stable colour slot: the same district has the same colour in every chart.
create or replace view city_districts as
with final as (
    select
        code as district_code,
        name_zh as district_zh,
        name_en as district_en,
        city_zh,
        city_en,
        is_sample,
        (row_number() over (partition by city_zh order by code) - 1)::integer as color_index
    from districts
    where level = 'district'
)
select * from final;

-- Every current value of a district with its metric's polarity and unit, its target and whether it meets it.
-- A district's own target overrides the one set for all districts.
create or replace view district_metrics as
with joined as (
    select
        cd.district_code,
        cd.district_zh,
        cd.district_en,
        cd.city_zh,
        cd.color_index,
        cm.year,
        cm.metric_code,
        cm.value,
        cm.qualifier,
        cm.batch_id,
        m.polarity,
        m.unit,
        coalesce(own.value, everyone.value) as target
    from current_metrics as cm
    join city_districts as cd
        on cd.district_code = cm.district_code
    join metrics as m
        on m.code = cm.metric_code
    left join current_targets as own
        on own.indicator_code = cm.metric_code
       and own.year = cm.year
       and own.district_code = cm.district_code
    left join current_targets as everyone
        on everyone.indicator_code = cm.metric_code
       and everyone.year = cm.year
       and everyone.district_code is null
       and (not everyone.is_sample or cd.is_sample)
),
final as (
    select
        *,
        case
            when target is null then null
            when polarity = 'lower' then value <= target
            when polarity = 'higher' then value >= target
            else null -- polarity none: no verdict
        end as meets_target
    from joined
)
select * from final;

-- One figure per city, metric and year, and how it was made (method):
--   reported: the city federation's own figure (a district row with level = 'city');
--   pooled:   sum of numerators / sum of denominators over the districts that have both (derived ratios, and
--             rates whose catalogue row names pool_numerator / pool_denominator);
--   mean:     the plain mean of district rates, where no numerator and denominator exist;
--   sum:      the sum over the districts that reported (n_reporting of n_districts).
-- And what it covers: coverage = reported (the city federation's own) | all (every district of the city) |
-- part (n_reporting of n_districts) | one (a single district's figure: only_district_zh names it, and it must be
-- shown as that district's, "仅含青浦区", never as the city's); district_set (the reporting districts' codes) lets a
-- year-on-year change be given only between years made of the same districts. qualifier: exact when every part is;
-- more_than / nearly when every inexact part says so (a sum or mean of lower bounds is a lower bound); else approx.
create or replace view city_figures as
with district_values as (
    select
        dm.city_zh,
        dm.metric_code,
        dm.year,
        count(*) as n_reporting,
        sum(dm.value) as total,
        avg(dm.value) as mean,
        median(dm.value) as median,
        count(dm.meets_target) as n_with_target,
        count(*) filter (where dm.meets_target) as n_meets
    from district_metrics as dm
    group by all
),
district_parts as (
    select
        dm.city_zh,
        dm.metric_code,
        dm.year,
        string_agg(dm.district_code, ',' order by dm.district_code) as district_set,
        string_agg(dm.district_zh, '、' order by dm.district_code) as districts_zh,
        string_agg(dm.district_en, ', ' order by dm.district_code) as districts_en,
        case
            when bool_and(dm.qualifier = 'exact') then 'exact'
            when bool_and(dm.qualifier in ('exact', 'more_than')) then 'more_than'
            when bool_and(dm.qualifier in ('exact', 'nearly')) then 'nearly'
            else 'approx'
        end as qualifier
    from district_metrics as dm
    group by all
),
pooled_parts as (
    select
        cd.city_zh,
        m.code as metric_code,
        n.year,
        case when m.kind = 'derived' then m.scale else 100 end as factor, -- derived ratios carry their scale
        sum(n.value) as numerator,
        sum(d.value) as denominator,
        bool_and(n.qualifier = 'exact' and d.qualifier = 'exact') as all_exact
    from metrics as m
    join current_observations as n
        on n.indicator_code = coalesce(m.pool_numerator, m.numerator)
    join current_observations as d
        on d.indicator_code = coalesce(m.pool_denominator, m.denominator)
       and d.district_code = n.district_code
       and d.year = n.year
    join city_districts as cd
        on cd.district_code = n.district_code
    where coalesce(m.pool_numerator, m.numerator) is not null
      and d.value > 0
    group by all
),
city_reported as (
    select
        d.city_zh,
        o.indicator_code as metric_code,
        o.year,
        o.value,
        o.qualifier
    from current_observations as o
    join districts as d
        on d.code = o.district_code
    where d.level = 'city'
),
district_counts as (
    select
        city_zh,
        count(*) as n_districts
    from city_districts
    group by all
),
city_targets as (
    select
        indicator_code as metric_code,
        year,
        value as target,
        is_sample
    from current_targets
    where district_code is null
),
city_kinds as (
    select
        city_zh,
        bool_or(is_sample) as is_sample
    from districts
    group by all
),
keys as (
    select city_zh, metric_code, year from district_values
    union
    select city_zh, metric_code, year from city_reported
),
final as (
    select
        k.city_zh,
        k.metric_code,
        k.year,
        case
            when cr.value is not null then cr.value
            when pp.denominator > 0 then pp.numerator / pp.denominator * pp.factor
            when m.unit in ('percent', 'per_10k') or m.kind = 'derived' then dv.mean
            else dv.total
        end as value, -- base unit of the metric
        case
            when cr.value is not null then 'reported'
            when pp.denominator > 0 then 'pooled'
            when m.unit in ('percent', 'per_10k') or m.kind = 'derived' then 'mean'
            else 'sum'
        end as method,
        coalesce(dv.n_reporting, 0) as n_reporting,
        coalesce(dc.n_districts, 0) as n_districts,
        dv.median,
        ct.target,
        coalesce(dv.n_with_target, 0) as n_with_target,
        coalesce(dv.n_meets, 0) as n_meets,
        case
            when cr.value is not null then cr.qualifier
            when pp.denominator > 0 then case when pp.all_exact then 'exact' else 'approx' end
            else dp.qualifier
        end as qualifier,
        case
            when cr.value is not null then 'reported'
            when dv.n_reporting = 1 then 'one'
            when dv.n_reporting >= dc.n_districts then 'all'
            else 'part'
        end as coverage,
        case when cr.value is null and dv.n_reporting = 1 then dp.districts_zh end as only_district_zh,
        case when cr.value is null and dv.n_reporting = 1 then dp.districts_en end as only_district_en,
        case when cr.value is null then dp.district_set else 'city' end as district_set,
        dp.districts_zh,
        dp.districts_en
    from keys as k
    join metrics as m
        on m.code = k.metric_code
    left join district_values as dv
        on dv.city_zh = k.city_zh and dv.metric_code = k.metric_code and dv.year = k.year
    left join district_parts as dp
        on dp.city_zh = k.city_zh and dp.metric_code = k.metric_code and dp.year = k.year
    left join pooled_parts as pp
        on pp.city_zh = k.city_zh and pp.metric_code = k.metric_code and pp.year = k.year
    left join city_reported as cr
        on cr.city_zh = k.city_zh and cr.metric_code = k.metric_code and cr.year = k.year
    left join district_counts as dc
        on dc.city_zh = k.city_zh
    left join city_kinds as ck
        on ck.city_zh = k.city_zh
    left join city_targets as ct
        on ct.metric_code = k.metric_code and ct.year = k.year and (not ct.is_sample or ck.is_sample)
)
select * from final;
