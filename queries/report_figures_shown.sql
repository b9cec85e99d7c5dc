-- The figures that committed report batches of one file name put in the store and that still show.
-- Params: $name (the report's file name).
with final as (
    select
        o.district_code,
        o.year,
        o.indicator_code,
        o.period,
        o.source_ref
    from current_period_observations as o
    join batches as b
        on b.batch_id = o.batch_id
    where b.kind = 'report'
      and b.source_name = $name
)

select * from final
order by district_code, year, indicator_code, period
