-- For each metric with targets in a year: how many districts meet them, and which lag (worst first).
-- Params: $city (city_zh), $year (integer).
with scored as (
    select
        metric_code,
        district_code,
        district_zh,
        district_en,
        value,
        target,
        meets_target,
        polarity
    from district_metrics
    where city_zh = $city
      and year = $year
      and meets_target is not null
),

final as (
    select
        s.metric_code,
        min(s.target) as target_low, -- base unit; equal to target_high when one target holds for all
        max(s.target) as target_high,
        count(*) filter (where s.meets_target) as n_meets,
        count(*) as n_with_target,
        -- lagging districts, furthest from their target first (equally far: by code, the same order every run)
        string_agg(s.district_zh, '、' order by abs(s.value - s.target) desc, s.district_code)
            filter (where not s.meets_target) as laggards_zh,
        string_agg(s.district_en, ', ' order by abs(s.value - s.target) desc, s.district_code)
            filter (where not s.meets_target) as laggards_en
    from scored as s
    group by s.metric_code
)

select * from final
order by
    (select sort_order from metrics where code = final.metric_code)
