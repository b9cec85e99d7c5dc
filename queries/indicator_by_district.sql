-- One indicator in one year for every district of a city, with its target and whether it is met.
-- Params: $city (districts.city_zh, e.g. 示例市), $year (integer), $indicator (indicators.code).
-- value and target are in the indicator's base unit: percent as 93.0, money in yuan, counts as counts.
-- A district with no value keeps its row with value null: a gap in a chart, never a zero.
with city_districts as (
    select
        code as district_code,
        name_zh as district_zh,
        name_en as district_en
    from districts
    where city_zh = $city
      -- the city's own row (level = 'city') is a total, not one of its districts
      and level = 'district'
),

indicator as (
    select
        code as indicator_code,
        polarity -- higher | lower | none: which direction is good
    from indicators
    where code = $indicator
),

observed as (
    select
        district_code,
        value,
        qualifier,
        batch_id
    from current_observations
    where indicator_code = $indicator
      and year = $year
),

district_targets as (
    select
        district_code,
        value as target
    from current_targets
    where indicator_code = $indicator
      and year = $year
      and district_code is not null
),

-- at most one row: current_targets keeps one target per (indicator, year, district or none)
city_wide_target as (
    select
        value as target
    from current_targets
    where indicator_code = $indicator
      and year = $year
      and district_code is null
),

joined as (
    select
        d.district_code,
        d.district_zh,
        d.district_en,
        o.value,
        o.qualifier,
        -- a district's own target overrides the one set for all districts
        coalesce(dt.target, cw.target) as target,
        i.polarity,
        o.batch_id
    from city_districts as d
    cross join indicator as i
    left join observed as o
        on o.district_code = d.district_code
    left join district_targets as dt
        on dt.district_code = d.district_code
    left join city_wide_target as cw
        on true
),

final as (
    select
        district_code,
        district_zh,
        district_en,
        value, -- base unit; null: not reported
        qualifier, -- exact | approx | more_than | nearly
        target, -- base unit; null: no target set
        case
            when value is null or target is null then null
            when polarity = 'lower' then value <= target
            when polarity = 'higher' then value >= target
            -- polarity none: neither direction is better, so no verdict
            else null
        end as meets_target,
        batch_id -- the batch the value came from
    from joined
)

select * from final
order by
    value desc nulls last,
    district_code
