-- The catalog's processor is now the blue generation's (see read_model_generation): it keeps its place in the event
-- store and its dead letters under that name. (The reservation view had no token: it was subscribing; its new
-- processors start from the first event, and its writes are idempotent.)
UPDATE token_entry SET processor_name = 'catalog-blue' WHERE processor_name = 'catalog';
UPDATE dead_letter_entry SET processing_group = 'catalog-blue' WHERE processing_group = 'catalog';
