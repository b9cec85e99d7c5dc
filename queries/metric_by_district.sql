-- One metric in one year for every district of a city: value, change on last year, rank now and last year,
-- target and whether it is met, and the city median. Districts without a value keep their row with nulls
-- (a gap in a chart, never a zero).
-- Params: $city (city_zh), $year (integer), $metric (metrics.code).
-- Ranks follow polarity: 1 is best (highest for 'higher', lowest for 'lower'; for 'none', 1 is the largest).
with districts_of_city as (
    select
        district_code,
        district_zh,
        district_en,
        color_index,
        is_sample
    from city_districts
    where city_zh = $city
),

metric as (
    select
        code,
        polarity,
        unit,
        kind,
        numerator
    from metrics
    where code = $metric
),

this_year as (
    select
        district_code,
        value,
        qualifier,
        target,
        meets_target,
        batch_id
    from district_metrics
    where city_zh = $city
      and metric_code = $metric
      and year = $year
),

last_year as (
    select
        district_code,
        value
    from district_metrics
    where city_zh = $city
      and metric_code = $metric
      and year = $year - 1
),

-- a district's own target overrides the one set for all districts; districts without a value have one too
targets_of_year as (
    select
        d.district_code,
        coalesce(own.value, everyone.value) as target
    from districts_of_city as d
    left join current_targets as own
        on own.indicator_code = $metric
       and own.year = $year
       and own.district_code = d.district_code
    left join current_targets as everyone
        on everyone.indicator_code = $metric
       and everyone.year = $year
       and everyone.district_code is null
       and (not everyone.is_sample or d.is_sample) -- the sample's targets judge the sample city only
),

-- the count behind a derived ratio, or the count itself, this year and last: too few events make a ranking or a
-- change meaningless
event_counts as (
    select
        o.district_code,
        max(case when o.year = $year then o.value end) as events,
        max(case when o.year = $year - 1 then o.value end) as prev_events
    from current_observations as o
    join metric as m
        on o.indicator_code = coalesce(m.numerator, m.code)
    join districts_of_city as d
        on d.district_code = o.district_code
    join metrics as part
        on part.code = o.indicator_code
    where o.year in ($year, $year - 1)
      and part.unit = 'count'
    group by o.district_code
),

joined as (
    select
        d.district_code,
        d.district_zh,
        d.district_en,
        d.color_index,
        t.value,
        t.qualifier,
        l.value as prev_value,
        g.target,
        t.meets_target,
        m.polarity,
        e.events,
        e.prev_events,
        t.batch_id
    from districts_of_city as d
    cross join metric as m
    left join this_year as t
        on t.district_code = d.district_code
    left join last_year as l
        on l.district_code = d.district_code
    left join event_counts as e
        on e.district_code = d.district_code
    left join targets_of_year as g
        on g.district_code = d.district_code
),

ranked as (
    select
        *,
        -- sort key: larger is better for 'higher' and 'none', smaller is better for 'lower'
        case when polarity = 'lower' then -value else value end as goodness,
        case when polarity = 'lower' then -prev_value else prev_value end as prev_goodness
    from joined
),

final as (
    select
        district_code,
        district_zh,
        district_en,
        color_index, -- colour slot of the district within its city
        value, -- base unit of the metric; null: not reported
        qualifier, -- exact | approx | more_than | nearly
        prev_value, -- last year's value
        value - prev_value as change, -- in the metric's unit (percentage points for rates)
        case when prev_value > 0 then (value - prev_value) / prev_value * 100 end as pct_change, -- percent
        case when value is not null
            then rank() over (order by goodness desc nulls last)
        end as rank,
        case when prev_value is not null
            then rank() over (order by prev_goodness desc nulls last)
        end as prev_rank,
        count(value) over () as n_ranked,
        target, -- base unit; null: no target set
        meets_target,
        median(value) over () as city_median,
        case when value is not null
            then ntile(4) over (partition by value is null order by goodness desc)
        end as quartile, -- 1: best quarter
        coalesce(events < 5, false) as small_count, -- fewer than 5 events: do not read much into the rank
        -- fewer than 5 events in either year: do not read much into the change (a change needs both years)
        coalesce(value - prev_value is not null and (events < 5 or prev_events < 5), false) as small_change,
        batch_id -- the batch the value came from (the newer part, for derived ratios)
    from ranked
)

select
    *,
    prev_rank - rank as rank_change -- positive: moved up
from final
order by
    rank nulls last,
    district_code
