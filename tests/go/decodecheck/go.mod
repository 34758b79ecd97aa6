module decodecheck

go 1.19
