"""Texts of `python -m etl` (its messages, the cycle commands) and of the ETL's refusals (the collection cycle,
the store), zh and en; part of the one catalogue (texts/__init__.py), reached through `t()`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # python -m etl: outcomes of each command
    "cli_error": {"zh": "", "en": ""},
    "cli_warning": {"zh": "警告：", "en": "warning: "},
    "cli_info": {"zh": "提示：", "en": "note: "},
    "cli_rejected": {
        "zh": "{file}：有 {n} 个错误，整个文件未导入，数据库没有任何改动。",
        "en": "{file}: {n} error(s); the whole file was rejected and the store is unchanged.",
    },
    "cli_loaded": {
        "zh": "{file}：已导入为批次 #{batch}：新增 {new} 项，修改 {changed} 项，未变 {unchanged} 项，目标值 {targets} 项。",
        "en": "{file}: loaded as batch #{batch}: {new} new, {changed} changed, {unchanged} unchanged values, {targets} targets.",
    },
    "cli_nothing_new": {
        "zh": "{file}：已导入为批次 #{batch}，但与现有数据完全相同（未变 {unchanged} 项）。",
        "en": "{file}: loaded as batch #{batch}, identical to the stored data ({unchanged} unchanged).",
    },
    "cli_dry": {
        "zh": "{file}（试运行，未写入）：将新增 {new} 项，修改 {changed} 项，未变 {unchanged} 项，目标值 {targets} 项。",
        "en": "{file} (dry run, nothing written): {new} new, {changed} changed, {unchanged} unchanged values, {targets} targets.",
    },
    "cli_change": {
        "zh": "  修改 {district} {year} {indicator}：{old} → {new}（{ref}）",
        "en": "  change {district} {year} {indicator}: {old} → {new} ({ref})",
    },
    "cli_more_changes": {"zh": "  ……另有 {n} 项修改", "en": "  … and {n} more changes"},
    "cli_missing_file": {"zh": "找不到文件：{path}", "en": "No such file: {path}"},
    "cli_initialised": {"zh": "数据库已就绪：{path}", "en": "Store ready: {path}"},
    "cli_rolled_back": {
        "zh": "批次 #{batch} 已撤销，之前的数值已恢复显示。",
        "en": "Batch #{batch} rolled back; the previous values show again.",
    },
    "cli_reapplied": {"zh": "批次 #{batch} 已重新生效。", "en": "Batch #{batch} is in effect again."},
    "cli_no_batches": {"zh": "数据库中还没有任何批次。", "en": "The store has no batches yet."},
    "cli_template": {"zh": "模板已生成：{path}", "en": "Template written: {path}"},
    "cli_sample_skip": {
        "zh": "数据库中已有数据（{n} 个批次），未载入示例数据。",
        "en": "The store already has data ({n} batches); sample data not loaded.",
    },
    "cli_sample_done": {"zh": "示例数据已载入：{n} 个文件。", "en": "Sample data loaded: {n} files."},
    "cli_internal": {
        "zh": "内部错误：{err}。没有写入任何数据；请把这行信息发给管理员。",
        "en": "Internal error: {err}. Nothing was written; please send this line to the administrator.",
    },
    "cli_failed_file": {
        "zh": "{file}：内部错误：{err}。这个文件没有写入任何数据；请把这行信息发给管理员。",
        "en": "{file}: internal error: {err}. Nothing of this file was written; please send this line to the administrator.",
    },
    "cli_failed_after_commit": {
        "zh": "{file}：已导入为批次 #{batch}，但之后出错：{err}。数据已写入；请把这行信息发给管理员。",
        "en": "{file}: loaded as batch #{batch}, but then: {err}. The figures were written; please send this line to the administrator.",
    },
    "cli_load_summary": {
        "zh": "共 {n} 个文件：导入 {loaded} 个，此前已导入 {already} 个，有错误未导入 {rejected} 个，失败 {failed} 个。",
        "en": "{n} files: {loaded} loaded, {already} loaded before, {rejected} rejected with errors, {failed} failed.",
    },
    "cli_bad_year_option": {
        "zh": "--year {year} 不在允许的范围 {first}–{last} 年内。",
        "en": "--year {year} is outside the accepted range {first}–{last}.",
    },
    "cli_backup_done": {"zh": "已备份到 {path}", "en": "Backed up to {path}"},
    "cli_restored": {
        "zh": "已用 {source} 恢复数据库 {path}（恢复前的数据库也已备份）。",
        "en": "Store {path} restored from {source} (the store as it was is backed up too).",
    },
    "cli_unknown_codes": {
        "zh": "未知的区县代码：{codes}（见 data/catalog/districts.csv）",
        "en": "Unknown district codes: {codes} (see data/catalog/districts.csv)",
    },
    "cli_password_prompt": {"zh": "密码（至少 8 位）：", "en": "Password (8 characters or more): "},
    "cli_password_again": {"zh": "再输入一次：", "en": "Again: "},
    "cli_password_mismatch": {"zh": "两次输入的密码不一致，未保存。", "en": "The two passwords differ; nothing saved."},
    "cli_all_districts": {"zh": "全部区县", "en": "every district"},
    "cli_editor_added": {
        "zh": "已保存编辑账号 {name}（可修改：{scope}）到 {path}，文件中只有加盐的密码哈希。",
        "en": "Editor {name} saved (may change: {scope}) in {path}; the file holds only a salted hash.",
    },
    "cli_viewer_added": {
        "zh": "已保存查看账号 {name}（只能查看，不能修改数据）到 {path}，文件中只有加盐的密码哈希。",
        "en": "Viewing account {name} saved (may look, not change) in {path}; the file holds only a salted hash.",
    },
    "cli_reports_skip": {
        "zh": "数据库中已有 {n} 个报告批次，未载入随附的报告数据。",
        "en": "The store already has {n} report batches; the bundled reports were not loaded.",
    },
    "cli_reports_none": {
        "zh": "{dir} 中没有报告数字表（*.figures.csv）。",
        "en": "No report figures files (*.figures.csv) in {dir}.",
    },
    "cli_reports_rejected": {
        "zh": "报告数据有 {n} 个错误，没有载入任何报告，数据库没有改动。",
        "en": "{n} error(s) in the report figures; no report was loaded and the store is unchanged.",
    },
    "cli_report_loaded": {
        "zh": "{file}：已导入为批次 #{batch}：新增 {new} 项，修改 {changed} 项，未变 {unchanged} 项（附原文证据）。",
        "en": "{file}: loaded as batch #{batch}: {new} new, {changed} changed, {unchanged} unchanged values (with their evidence).",
    },
    "cli_report_already": {
        "zh": "{file}：已在批次 #{batch} 导入过，没有任何变化。",
        "en": "{file}: already loaded as batch #{batch}; nothing changed.",
    },
    "cli_report_rolled_back": {
        "zh": "{file}：批次 #{batch} 已导入过但已撤销，本次不再导入；如需恢复请运行 python -m etl reapply {batch}。",
        "en": "{file}: loaded before as batch #{batch}, which was rolled back; not loaded again. To bring it back: python -m etl reapply {batch}.",
    },
    "cli_reports_done": {
        "zh": "报告数据：新导入 {n} 份，已有 {skipped} 份。",
        "en": "Reports: {n} loaded now, {skipped} already in the store.",
    },
    "cli_extract_head": {
        "zh": "机构：{org}　年度：{year}　找到 {n} 项数据（请核对后再导入）",
        "en": "Organisation: {org}  Year: {year}  {n} figures found (check them before loading)",
    },
    "cli_extract_read_as": {"zh": "（文件按 {how} 读取）", "en": " (file read as {how})"},
    "cli_unknown": {"zh": "未识别", "en": "not found"},
    # python -m etl: the collection cycle commands
    "cli_status_head": {
        "zh": "{city}{year}年报送进度：已报送 {n}/{total}{deadline}",
        "en": "{city} {year}: {n}/{total} districts reported{deadline}",
    },
    "cli_deadline": {"zh": "，截止日期 {date}", "en": ", deadline {date}"},
    "cli_overdue": {"zh": "（已逾期 {days} 天）", "en": " ({days} days overdue)"},
    "cli_locked_by": {"zh": "已于 {at} 由{by}定稿", "en": "locked by {by} at {at}"},
    "cli_missing_n": {"zh": "缺 {n} 项", "en": "{n} missing"},
    "cli_deadline_set": {
        "zh": "{city}{year}年的报送截止日期已设为 {date}。",
        "en": "Deadline for {city} {year} set to {date}.",
    },
    "cli_approved": {"zh": "已审核通过：{names}（{city}{year}年）。", "en": "Approved: {names} ({city} {year})."},
    "cli_returned": {
        "zh": "已退回：{names}（{city}{year}年），原因：{reason}",
        "en": "Returned: {names} ({city} {year}); reason: {reason}",
    },
    "cli_locked": {"zh": "{city}{year}年已定稿。", "en": "{city} {year} is locked."},
    "cli_unlocked": {
        "zh": "{city}{year}年已解除定稿，原因：{reason}",
        "en": "{city} {year} is unlocked; reason: {reason}",
    },
    "cli_snapshot": {
        "zh": "已记录快照：{n} 个批次{note}。快照编号 {id}",
        "en": "Snapshot recorded: {n} batches{note}. Snapshot id {id}",
    },
    "cli_snapshot_note": {"zh": "，备注“{note}”", "en": ", note “{note}”"},
    "cli_no_snapshots": {"zh": "还没有任何快照。", "en": "No snapshots yet."},
    # refusals of a cycle step (etl.cycle.CycleRefused), keyed cycle_CODE
    "cycle_locked": {
        "zh": "{city}{year}年的数据已于 {at} 由{by}定稿，不能再上传、修正、导入报告、修改目标或撤销批次；本次没有写入任何数据。如需修改，请审核人先解除定稿（需填写原因）。",
        "en": "The figures of {city} {year} were locked by {by} at {at}: uploads, corrections, report imports, targets and rollbacks are refused and nothing was written. To change them a reviewer must first unlock the year (with a reason).",
    },
    "cycle_unknown_city": {
        "zh": "没有名为“{city}”的城市。已知的城市：{known}",
        "en": "No city called {city!r}. Known cities: {known}",
    },
    "cycle_not_in_city": {"zh": "{codes} 不是{city}的区县。", "en": "{codes}: not districts of {city}."},
    "cycle_no_figures": {
        "zh": "{names} {year}年还没有报送数据，无法审核或退回。",
        "en": "{names}: no figures for {year} to review.",
    },
    "cycle_already_approved": {
        "zh": "{names} {year}年的数据已经审核通过。",
        "en": "{names}: {year} is already approved.",
    },
    "cycle_nothing_to_approve": {
        "zh": "{city}{year}年没有待审核的区县（已报送、有问题或已退回）。",
        "en": "No district of {city} has {year} figures waiting for review.",
    },
    "cycle_outside_scope": {
        "zh": "{names} 不在您负责的范围内，不能由您审核、退回或定稿。",
        "en": "{names}: outside the districts you may review.",
    },
    "cycle_own_figures": {
        "zh": "{names} {year}年的最新数据是{by}本人报送的，不能自己审核自己的数据；请由另一位审核人审核。",
        "en": "{names}: the latest {year} figures were submitted by {by}, who cannot approve their own figures.",
    },
    "cycle_not_reviewer": {
        "zh": "{by} 是{role}账号，不能审核、退回、定稿或解除定稿；需要审核人账号。",
        "en": "{by} is a {role} account and cannot approve, return, lock or unlock; a reviewer account is needed.",
    },
    "cycle_reason_required": {"zh": "请填写原因。", "en": "A reason is required."},
    "cycle_districts_required": {
        "zh": "请用 --districts 指明要退回的区县。",
        "en": "Name the districts to return with --districts.",
    },
    "cycle_already_locked": {
        "zh": "{city}{year}年已于 {at} 由{by}定稿。",
        "en": "{city} {year} is already locked (by {by} at {at}).",
    },
    "cycle_not_locked": {"zh": "{city}{year}年没有定稿，无需解除。", "en": "{city} {year} is not locked."},
    "cycle_not_all_approved": {
        "zh": "{city}{year}年还有区县未审核通过，不能定稿：{names}。请先审核（或退回后等待重新报送）。",
        "en": "{city} {year} cannot be locked while these districts are not approved: {names}.",
    },
    "cycle_nothing_to_lock": {
        "zh": "{city}{year}年还没有任何数据，无法定稿。",
        "en": "{city} has no figures for {year} to lock.",
    },
    "cycle_unknown_snapshot": {
        "zh": "没有编号为 #{id} 的快照。已有快照：{known}",
        "en": "There is no snapshot #{id}. Snapshots: {known}",
    },
    "cycle_city_scope_needed": {
        "zh": "定稿和解除定稿针对整个城市，需要不限区县的审核人账号。",
        "en": "Locking and unlocking concern the whole city and need a reviewer not limited to some districts.",
    },
    # refusals of the store (etl.db, etl.store), shown by both CLIs and the pages
    "store_in_use": {
        "zh": "数据库 {name} 正被{who}使用，已等待 {waited} 秒。{then}",
        "en": "The data store {name} is in use by {who}; waited {waited} s. {then}",
    },
    "store_in_use_who": {"zh": "另一个程序", "en": "another program"},
    "store_in_use_reading": {"zh": "请稍后刷新页面。", "en": "Please reload the page in a moment."},
    "store_in_use_writing": {
        "zh": "本次没有写入任何数据，请稍后重试。",
        "en": "Nothing was written. Please try again in a moment.",
    },
    "store_write_conflict": {
        "zh": "有人正在同时保存数据。本次没有写入任何数据，请稍后重试。",
        "en": "Someone else was saving at the same moment. Nothing was written; please try again in a moment.",
    },
    "store_missing": {
        "zh": "找不到数据库 {path}。请先运行 `python -m etl init` 或 `make run`。",
        "en": "No data store at {path}. Run `python -m etl init` or `make run` first.",
    },
    "store_stale": {
        "zh": "在您检查之后，其他人修改了数据。本次没有写入，请重新检查后再提交。",
        "en": "Someone else changed the data after this check. Nothing was written; check the file again and commit.",
    },
    "batch_unknown": {"zh": "没有编号为 #{b} 的批次。", "en": "There is no batch #{b}."},
    "batch_already_rolled_back": {"zh": "批次 #{b} 已经撤销过了。", "en": "Batch #{b} is already rolled back."},
    "batch_outside_scope": {
        "zh": "批次 #{b} 含有您无权修改的区县的数据，不能由您撤销或重新应用；请联系管理员。",
        "en": "Batch #{b} holds figures of districts you may not change, so you cannot roll it back or re-apply it; ask an administrator.",
    },
    "batch_not_rolled_back": {
        "zh": "批次 #{b} 目前有效，无需重新应用。",
        "en": "Batch #{b} is in effect; there is nothing to re-apply.",
    },
}
