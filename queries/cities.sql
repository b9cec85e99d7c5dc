-- Cities with figures from committed batches, with how many districts report. Cities with loaded sheets come
-- first, then the sample city, then cities known only from a few figures taken out of annual reports (the
-- bundled real reports must not push the sample city off the opening page).
-- Read from observations directly (not the current-value view) so that it stays quick at national scale.
with reporting as (
    select
        o.district_code,
        min(o.year) as first_year,
        max(o.year) as last_year,
        bool_and(b.kind = 'report') as only_reports
    from observations as o
    join batches as b
        on b.batch_id = o.batch_id
    where b.status = 'committed'
      and o.value is not null
    group by o.district_code
),

final as (
    select
        d.city_zh,
        d.city_en,
        d.is_sample, -- true: the fictional 示例市, to be badged as sample data
        count(*) as n_districts,
        min(r.first_year) as first_year,
        max(r.last_year) as last_year,
        bool_and(r.only_reports) as only_reports -- every figure of the city comes from report batches
    from reporting as r
    join districts as d
        on d.code = r.district_code
    group by all
)

select * from final
order by
    only_reports,
    is_sample,
    n_districts desc,
    city_zh
