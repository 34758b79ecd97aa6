-- post.lua at a steady rate: each of wrk's connections waits 10 ms between requests, so
-- `wrk -c85` offers about 5,000 callbacks per second (bench/gui.sh).
dofile("bench/post.lua")
function delay()
    return 10
end
