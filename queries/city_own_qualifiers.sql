-- The qualifier (exact, approx, more_than, nearly) of each figure a city federation reported for itself in one
-- year: where city_figures takes the federation's own figure (method 'reported'), its 超过/约/近 must show too.
-- Params: $city (city_zh), $year (integer).
with final as (
    select
        m.metric_code,
        m.qualifier -- exact | approx | more_than | nearly
    from current_metrics as m
    join districts as d
        on d.code = m.district_code
    where d.city_zh = $city
      and d.level = 'city'
      and m.year = $year
)

select * from final
order by
    metric_code
