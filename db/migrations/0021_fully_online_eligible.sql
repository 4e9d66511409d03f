-- Custom SQL migration file, put your code below! --
-- Đủ điều kiện cung cấp DVC trực tuyến toàn trình (ProcedureContent.fullyOnlineEligible): stored
-- procedure documents say it explicitly. Before the flag, the catalog only knew whether a procedure
-- was offered online: one already offered online (fully or partly) is taken as eligible, one
-- offered only at the counter or by post as not — the catalog admin corrects either way.
UPDATE procedure_versions SET content = content || jsonb_build_object('fullyOnlineEligible', coalesce(content->>'onlineLevel', 'none') <> 'none')
WHERE jsonb_typeof(content) = 'object' AND NOT content ? 'fullyOnlineEligible';
