-- The figures in effect of some districts in a year and the year before, with who loaded each and when: what the
-- collection cycle's status (报送进度) is judged on.
-- Params: $districts (list of district codes), $year (integer).
with final as (
    select
        o.district_code,
        o.year,
        o.indicator_code,
        o.value, -- base unit
        o.qualifier,
        o.raw,
        o.batch_id,
        b.created_by,
        b.created_at -- UTC
    from current_observations as o
    join batches as b
        using (batch_id)
    where list_contains($districts, o.district_code)
      and (o.year = $year or o.year = $year - 1)
)

select * from final
