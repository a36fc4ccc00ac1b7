-- wrk script: every request joins an event's waiting room as another fan.
-- Arguments (after --): the file of fans' tokens (one per line), the event id.
-- Each wrk thread takes every n-th token from its own offset, so no two requests are the same fan.

local threads = {}

function setup(thread)
    thread:set("offset", #threads)
    table.insert(threads, thread)
end

function init(args)
    tokens = {}
    for token in io.lines(args[1]) do
        tokens[#tokens + 1] = token
    end
    path = "/api/events/" .. args[2] .. "/waiting-room"
    stride = #threads > 0 and #threads or 2
    next_index = offset + 1
end

function request()
    local token = tokens[next_index]
    next_index = next_index + stride
    if next_index > #tokens then
        next_index = offset + 1 -- out of fresh fans: joins again (keeps their place, a cheaper path)
    end
    return wrk.format("POST", path, {["Authorization"] = "Bearer " .. token})
end
