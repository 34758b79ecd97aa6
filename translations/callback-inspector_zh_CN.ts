<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>cbi::CaptureTableModel</name>
    <message>
        <source>group %1</source>
        <translation>群 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>(rejected) %1 %2</source>
        <translation>(已拒绝) %1 %2</translation>
    </message>
    <message>
        <source>(no command) %1 %2</source>
        <translation>(无命令) %1 %2</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>before</source>
        <translation>前置</translation>
    </message>
    <message>
        <source>after</source>
        <translation>后置</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>operationID</source>
        <translation>operationID</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
</context>
<context>
    <name>cbi::CaptureWarning</name>
    <message>
        <source>Legacy command name sent by OpenIM %1; today it is %2</source>
        <translation>OpenIM %1 使用的旧命令名；当前名称为 %2</translation>
    </message>
    <message>
        <source>Legacy command name sent by OpenIM %1; current servers have no such callback</source>
        <translation>OpenIM %1 使用的旧命令名；当前版本已没有此回调</translation>
    </message>
    <message>
        <source>Unknown command %1: not in the OpenIM catalogue</source>
        <translation>未知命令 %1：不在 OpenIM 回调目录中</translation>
    </message>
    <message>
        <source>No callback command in the path, the query or the body</source>
        <translation>路径、查询参数和请求体中都没有回调命令</translation>
    </message>
    <message>
        <source>The %1 says %2 but the %3 says %4; the %1 was used</source>
        <translation>%1 中是 %2，但 %3 中是 %4；已采用 %1 中的命令</translation>
    </message>
    <message>
        <source>Path %1 is outside the base path %2; its last segment was taken as the command</source>
        <translation>路径 %1 不在基础路径 %2 之下；已将最后一段作为命令</translation>
    </message>
    <message>
        <source>The path has an empty segment (//): the url in webhooks.yml probably ends with &apos;/&apos;</source>
        <translation>路径中有空段 (//)：webhooks.yml 中的 url 可能以 &apos;/&apos; 结尾</translation>
    </message>
    <message>
        <source>The body is not a JSON object: %1</source>
        <translation>请求体不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>No operationID header</source>
        <translation>缺少 operationID 请求头</translation>
    </message>
    <message>
        <source>The key parameter is not base64-encoded JSON: %1</source>
        <translation>key 参数不是 base64 编码的 JSON：%1</translation>
    </message>
    <message>
        <source>Request headers exceed %1 bytes: answered 431 and closed the connection</source>
        <translation>请求头超过 %1 字节：已返回 431 并关闭连接</translation>
    </message>
    <message>
        <source>Request body exceeds %1 bytes: answered 413 and closed the connection</source>
        <translation>请求体超过 %1 字节：已返回 413 并关闭连接</translation>
    </message>
    <message>
        <source>Malformed HTTP request (%1): answered 400 and closed the connection</source>
        <translation>HTTP 请求格式错误 (%1)：已返回 400 并关闭连接</translation>
    </message>
</context>
<context>
    <name>cbi::CommandLine</name>
    <message>
        <source>OpenIM Callback Inspector: captures the webhook callbacks of an OpenIM server, answers them, and shows what OpenIM will do with each answer.

Without a command the desktop window opens (with no display it serves headless).
Commands:
  serve    run the capture server headless</source>
        <translation>OpenIM 回调检查器：捕获 OpenIM 服务器的 webhook 回调，作出应答，并说明 OpenIM 将如何处理每个应答。

不带命令时打开桌面窗口（没有显示器时以无界面方式提供服务）。
命令：
  serve    以无界面方式运行捕获服务器</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>显示版本。</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:10006; port 0 picks a free one; [::1]:PORT for IPv6).</source>
        <translation>监听的地址和端口（默认 127.0.0.1:10006；端口 0 表示自动选择空闲端口；IPv6 使用 [::1]:端口）。</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>Path under which OpenIM posts {path}/{callbackCommand} (default /callbackExample).</source>
        <translation>OpenIM 以 {path}/{callbackCommand} 形式发送请求的基础路径（默认 /callbackExample）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Largest request body accepted; larger ones are answered 413 and still captured (default 16M).</source>
        <translation>可接受的最大请求体；更大的请求返回 413，但仍会被捕获（默认 16M）。</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Largest request head accepted; larger ones are answered 431 and still captured (default 64K).</source>
        <translation>可接受的最大请求头；更大的请求返回 431，但仍会被捕获（默认 64K）。</translation>
    </message>
    <message>
        <source>Close a connection idle for this long (default 60), not counting time a delayed reply is pending.</source>
        <translation>连接空闲超过此时长（默认 60）后关闭；等待延迟应答的时间不计入。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Answer every callback after this delay.</source>
        <translation>每个回调都在此延迟之后应答。</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Captures kept in memory; the oldest are dropped (default 50000).</source>
        <translation>内存中保留的捕获数；超出时丢弃最早的（默认 50000）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Print one JSON object per capture on stdout.</source>
        <translation>每个捕获在标准输出上打印一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Stop after this long (for scripts).</source>
        <translation>运行此时长后停止（供脚本使用）。</translation>
    </message>
    <message>
        <source>serve, or nothing for the window.</source>
        <translation>serve，或不填以打开窗口。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Unknown command: %1 (try --help)</source>
        <translation>未知命令：%1（请尝试 --help）</translation>
    </message>
    <message>
        <source>Invalid --listen value %1: expected HOST:PORT with an IP address, e.g. 127.0.0.1:10006</source>
        <translation>--listen 的值 %1 无效：应为 IP 地址形式的 主机:端口，例如 127.0.0.1:10006</translation>
    </message>
    <message>
        <source>Invalid --max-body value %1: expected a size such as 16M</source>
        <translation>--max-body 的值 %1 无效：应为大小，例如 16M</translation>
    </message>
    <message>
        <source>Invalid --max-header value %1: expected a size of at least 256 bytes, such as 64K</source>
        <translation>--max-header 的值 %1 无效：应为至少 256 字节的大小，例如 64K</translation>
    </message>
    <message>
        <source>Invalid --idle-timeout value %1: expected a positive number of seconds</source>
        <translation>--idle-timeout 的值 %1 无效：应为正的秒数</translation>
    </message>
    <message>
        <source>Invalid --delay value %1: expected milliseconds</source>
        <translation>--delay 的值 %1 无效：应为毫秒数</translation>
    </message>
    <message>
        <source>Invalid --capacity value %1: expected a positive count</source>
        <translation>--capacity 的值 %1 无效：应为正整数</translation>
    </message>
    <message>
        <source>Invalid --exit-after value %1: expected milliseconds</source>
        <translation>--exit-after 的值 %1 无效：应为毫秒数</translation>
    </message>
</context>
<context>
    <name>cbi::HeadlessServe</name>
    <message>
        <source>error: cannot listen on %1 port %2: %3</source>
        <translation>错误：无法在 %1 端口 %2 上监听：%3</translation>
    </message>
    <message>
        <source>warning: listening on %1, which is not a loopback address: anyone who can reach this machine can send callbacks and read the replies.</source>
        <translation>警告：正在监听 %1，这不是回环地址：任何能访问本机的人都可以发送回调并读取应答。</translation>
    </message>
    <message numerus="yes">
        <source>stopped after %n capture(s)</source>
        <translation>
            <numerusform>已停止，共捕获 %n 个请求</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cbi::MainWindow</name>
    <message>
        <source>OpenIM Callback Inspector</source>
        <translation>OpenIM 回调检查器</translation>
    </message>
    <message>
        <source>Captured callbacks</source>
        <translation>已捕获的回调</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <source>Remove every capture from the table</source>
        <translation>从表格中移除所有捕获</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>捕获(&amp;C)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>捕获</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>Listening on %1 — in webhooks.yml set url: %1</source>
        <translation>正在监听 %1 — 在 webhooks.yml 中设置 url: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s)</source>
        <translation>
            <numerusform>%n 个捕获</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped (oldest)</source>
        <translation>
            <numerusform>已丢弃 %n 个（最早的）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot listen on %1 port %2: %3. Another program (or another inspector) may be using the port.</source>
        <translation>无法在 %1 端口 %2 上监听：%3。可能有其他程序（或另一个检查器）正在使用该端口。</translation>
    </message>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are empty): serving headless. Stop with Ctrl+C.</source>
        <translation>未找到显示器（DISPLAY 和 WAYLAND_DISPLAY 均为空）：以无界面方式提供服务。按 Ctrl+C 停止。</translation>
    </message>
</context>
</TS>
