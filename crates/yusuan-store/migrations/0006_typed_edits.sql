-- A draft edit is one typed value (yusuan-draft `DraftEdit`): each event keeps the edit applied
-- and the edit that undoes it, as JSON. Undo applies the inverse, redo the edit. Events recorded
-- before this migration have neither (NULL): they are undone by their action and values.
ALTER TABLE draft_events ADD COLUMN edit_json TEXT;
ALTER TABLE draft_events ADD COLUMN inverse_json TEXT;
