-- The figures one batch holds, with the value each stands against now (to see what a rollback would change).
-- Params: $batch_id (integer).
with held as (
    select
        o.district_code,
        o.year,
        o.indicator_code,
        o.value, -- base unit
        o.qualifier,
        o.raw,
        o.source_ref,
        o.evidence,
        coalesce(o.period, 'year') as period
    from observations as o
    where o.batch_id = $batch_id
),

final as (
    select
        h.district_code,
        d.name_zh as district_zh,
        d.name_en as district_en,
        h.year,
        h.indicator_code as metric_code,
        h.value,
        h.qualifier,
        h.raw,
        c.value as current_value, -- what shows now (from this batch or a newer one)
        c.batch_id as current_batch,
        h.source_ref,
        h.evidence,
        h.period -- etl.periods code: year, or what else the figure covers (total:2015-2019 …)
    from held as h
    join districts as d
        on d.code = h.district_code
    left join current_period_observations as c
        on c.district_code = h.district_code
       and c.year = h.year
       and c.indicator_code = h.indicator_code
       and c.period = h.period
)

select * from final
order by
    district_code,
    year,
    period,
    (select sort_order from metrics where code = final.metric_code)
