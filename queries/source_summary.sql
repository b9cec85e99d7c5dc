-- Where a city's figures for one year come from, in the words a meeting paper uses: the kinds of batch that hold
-- them (spreadsheet returns, work reports, corrections, the sample) and when the newest of each was loaded.
-- No file names or batch numbers: those are for the staff pages. Params: $city (city_zh), $year (integer).
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
      and o.year = $year
),

final as (
    select
        b.kind, -- spreadsheet | sample | correction | report
        count(*) as n_batches,
        max(b.created_at) as as_of, -- UTC
        bool_or(b.is_sample) as is_sample
    from used as u
    join batches as b
        using (batch_id)
    where b.status = 'committed'
    group by b.kind
)

select * from final
order by
    kind
