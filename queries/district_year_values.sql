-- Every reported indicator of one district in one year with its current value and where it came from, for the
-- correction grid. Params: $district (districts.code), $year (integer).
with final as (
    select
        m.code as metric_code,
        m.unit,
        c.value, -- base unit; null: not reported
        c.qualifier,
        c.batch_id,
        c.source_ref,
        c.evidence -- the report's words, for a figure taken from a report
    from metrics as m
    left join current_observations as c
        on c.indicator_code = m.code
       and c.district_code = $district
       and c.year = $year
    where m.kind = 'reported'
)

select * from final
order by (select sort_order from metrics where code = final.metric_code)
