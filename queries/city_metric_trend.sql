-- The city figure of one metric year by year (calendar-year figures only), with how it was made and what it
-- covers (see the city_figures view in etl/schema.sql) and the target set for all districts.
-- Params: $city (city_zh), $metric (metrics.code).
with final as (
    select
        year,
        value, -- base unit of the metric
        qualifier, -- exact | approx | more_than | nearly
        method, -- reported | pooled | mean | sum
        coverage, -- reported | all | part | one
        only_district_zh, -- set when that year's figure is one district's
        only_district_en,
        n_reporting, -- districts with a value
        n_districts, -- districts of the city
        median, -- of the districts' values
        target,
        n_with_target,
        n_meets
    from city_figures
    where city_zh = $city
      and metric_code = $metric
)

select * from final
order by year
