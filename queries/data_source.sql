-- Where a city's current figures come from: the batches behind them and when the newest was loaded.
-- Params: $city (city_zh); $year (integer, or null for every year).
with used as (
    select distinct
        o.batch_id
    from current_observations as o
    join districts as d
        on d.code = o.district_code
    where d.city_zh = $city
      and ($year is null or o.year = $year)
),

final as (
    select
        count(*) as n_batches,
        max(b.batch_id) as latest_batch,
        max(b.created_at) as as_of, -- UTC
        bool_or(b.is_sample) as is_sample,
        arg_max(b.source_name, b.batch_id) as latest_source
    from used as u
    join batches as b
        using (batch_id)
)

select * from final
