-- Every metric's city figure for one year beside last year's, with target attainment, for the overview cards.
-- Params: $city (city_zh), $year (integer).
with this_year as (
    select *
    from city_figures
    where city_zh = $city
      and year = $year
),

last_year as (
    select
        metric_code,
        value,
        method
    from city_figures
    where city_zh = $city
      and year = $year - 1
),

final as (
    select
        m.code as metric_code,
        m.theme,
        m.headline,
        m.kind,
        t.value, -- base unit of the metric
        t.method, -- reported | pooled | mean | sum
        l.value as prev_value,
        -- a change is shown only when both years were made the same way from the same kind of figure
        case when l.method = t.method then t.value - l.value end as change,
        case when l.method = t.method and l.value > 0 then (t.value - l.value) / l.value * 100 end as pct_change,
        t.n_reporting,
        t.n_districts,
        t.target,
        t.n_with_target,
        t.n_meets
    from metrics as m
    left join this_year as t
        on t.metric_code = m.code
    left join last_year as l
        on l.metric_code = m.code
    where t.value is not null
)

select * from final
order by
    (select sort_order from metrics where code = final.metric_code)
