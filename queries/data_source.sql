-- Where a city's figures come from: the committed batches holding them and when the newest was loaded.
-- Params: $city (city_zh); $year (integer, or null for every year).
-- Read from observations of committed batches (not the current-value view): quick at national scale.
with city_codes as (
    select
        code
    from districts
    where city_zh = $city
),

used as (
    select distinct
        o.batch_id
    from observations as o
    where o.district_code in (select code from city_codes)
      and ($year is null or o.year = $year)
),

final as (
    select
        count(*) as n_batches,
        max(b.batch_id) as latest_batch,
        max(b.created_at) as as_of, -- UTC
        bool_or(b.is_sample) as is_sample,
        -- the file name as etl/safe_text.clean_name keeps it: batches stored before names were cleaned too
        replace(
            replace(
                regexp_replace(
                    arg_max(b.source_name, b.batch_id),
                    '[\x{061C}\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2060}-\x{2064}\x{2066}-\x{2069}\x{FEFF}]',
                    '',
                    'g'
                ),
                '<', '＜'
            ),
            '>', '＞'
        ) as latest_source
    from used as u
    join batches as b
        using (batch_id)
    where b.status = 'committed'
)

select * from final
