-- An event's waiting room (admission rate and cap on fans in the flow), null when fans reserve directly
ALTER TABLE event_view ADD COLUMN waiting_room JSONB;
