-- Every metric's city figure for one year beside last year's, with target attainment, for the overview cards.
-- Calendar-year figures only (city_figures is built on them). Params: $city (city_zh), $year (integer).
-- A change on last year is given only when both years' figures were made the same way from the same districts;
-- otherwise no_change_reason says why there is none:
--   no_prev (no figure last year) | method (made differently, e.g. the federation's own vs a sum) |
--   coverage (other districts: 1/16 this year against 16/16 last year is no change at all).
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
        method,
        district_set,
        n_reporting
    from city_figures
    where city_zh = $city
      and year = $year - 1
),

compared as (
    select
        t.*,
        l.value as prev_value,
        l.n_reporting as prev_n_reporting,
        case
            when l.value is null then 'no_prev'
            when l.method <> t.method then 'method'
            when l.district_set <> t.district_set then 'coverage'
        end as no_change_reason
    from this_year as t
    left join last_year as l
        on l.metric_code = t.metric_code
),

final as (
    select
        m.code as metric_code,
        m.theme,
        m.headline,
        m.kind,
        c.value, -- base unit of the metric
        c.qualifier, -- exact | approx | more_than | nearly
        c.method, -- reported | pooled | mean | sum
        c.coverage, -- reported | all | part | one
        c.only_district_zh, -- set when the figure is one district's: show it as that district's
        c.only_district_en,
        c.prev_value,
        c.prev_n_reporting,
        c.no_change_reason,
        case when c.no_change_reason is null then c.value - c.prev_value end as change,
        case when c.no_change_reason is null and c.prev_value > 0 then (c.value - c.prev_value) / c.prev_value * 100 end as pct_change,
        c.n_reporting,
        c.n_districts,
        c.target,
        c.n_with_target,
        c.n_meets
    from metrics as m
    join compared as c
        on c.metric_code = m.code
    where c.value is not null
)

select * from final
order by
    (select sort_order from metrics where code = final.metric_code)
