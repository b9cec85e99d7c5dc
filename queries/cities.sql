-- Cities that have at least one current value, sample data last, with how many districts report.
with reporting as (
    select
        d.city_zh,
        d.city_en,
        d.is_sample,
        count(distinct o.district_code) as n_districts,
        min(o.year) as first_year,
        max(o.year) as last_year
    from current_observations as o
    join districts as d
        on d.code = o.district_code
    group by all
),

final as (
    select
        city_zh,
        city_en,
        is_sample, -- true: the fictional 示例市, to be badged as sample data
        n_districts,
        first_year,
        last_year
    from reporting
)

select * from final
order by
    is_sample,
    n_districts desc,
    city_zh
