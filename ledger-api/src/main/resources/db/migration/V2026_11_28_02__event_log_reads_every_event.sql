-- The auditors' event_log view must read every stored event. PostgreSQL's jsonb refuses two things that JSON
-- text may hold: the escape \u0000 and unpaired surrogates (\ud800 alone). One such event made the whole view
-- unreadable. Such values are refused at the door now (Text), but history is kept as written, so the view shows
-- them as literal text ("\u0000" as six characters) and, for anything else it cannot read, the JSON as a string.
CREATE FUNCTION readable_json(stored BYTEA) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    json_text TEXT;
BEGIN
    IF stored IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
        json_text := convert_from(stored, 'UTF8');
    EXCEPTION WHEN others THEN
        RETURN jsonb_build_object('unreadable_bytes_base64', encode(stored, 'base64'));
    END;
    BEGIN
        RETURN json_text::jsonb;
    EXCEPTION WHEN others THEN
        BEGIN
            RETURN regexp_replace(json_text, '\\u(0000|d[89a-f][0-9a-f]{2})', '\\\\u\1', 'gi')::jsonb;
        EXCEPTION WHEN others THEN
            RETURN jsonb_build_object('unreadable_json', json_text);
        END;
    END;
END
$$;

CREATE OR REPLACE VIEW event_log AS
SELECT global_index,
       aggregate_identifier,
       type                          AS aggregate_type,
       sequence_number,
       payload_type,
       payload_revision,
       time_stamp::timestamptz       AS recorded_at,
       readable_json(payload)        AS payload,
       readable_json(meta_data)      AS meta_data
FROM domain_event_entry;
