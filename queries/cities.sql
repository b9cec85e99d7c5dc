-- Cities with figures from committed batches, sample data last, with how many districts report.
-- Read from observations directly (not the current-value view) so that it stays quick at national scale.
with reporting as (
    select
        o.district_code,
        min(o.year) as first_year,
        max(o.year) as last_year
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
        max(r.last_year) as last_year
    from reporting as r
    join districts as d
        on d.code = r.district_code
    group by all
)

select * from final
order by
    is_sample,
    n_districts desc,
    city_zh
