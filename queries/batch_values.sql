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
        o.evidence
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
        h.evidence
    from held as h
    join districts as d
        on d.code = h.district_code
    left join current_observations as c
        on c.district_code = h.district_code
       and c.year = h.year
       and c.indicator_code = h.indicator_code
)

select * from final
order by
    district_code,
    year,
    (select sort_order from metrics where code = final.metric_code)
