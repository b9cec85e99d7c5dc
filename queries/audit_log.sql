-- Every collection-cycle event, newest first, filtered by city, district (its city-wide events included) and year.
-- Params: $city, $district, $year; null for any of them: not filtered by it.
with final as (
    select
        e.event_id,
        e.event, -- submit | targets | rollback | reapply | approve | return | lock | unlock | deadline
        e.city_zh,
        e.year,
        e.district_code,
        d.name_zh as district_zh,
        d.name_en as district_en,
        e.batch_id,
        b.kind as batch_kind,
        e.event_at, -- UTC
        e.event_by,
        e.reason,
        e.deadline
    from cycle_events as e
    left join districts as d
        on d.code = e.district_code
    left join batches as b
        on b.batch_id = e.batch_id
    where ($city is null or e.city_zh = $city or e.city_zh = '*')
      and ($district is null or e.district_code = $district or e.district_code is null)
      and ($year is null or e.year = $year)
)

select * from final
order by event_id desc
