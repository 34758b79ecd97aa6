<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConditionMatch</name>
    <message>
        <source>header %1</source>
        <translation>请求头 %1</translation>
    </message>
    <message>
        <source>query %1</source>
        <translation>查询参数 %1</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>key %1</translation>
    </message>
    <message>
        <source>%1 is not &apos;%2&apos;</source>
        <translation>%1 不等于“%2”</translation>
    </message>
    <message>
        <source>%1 is &apos;%2&apos;</source>
        <translation>%1 等于“%2”</translation>
    </message>
    <message>
        <source>%1 does not contain &apos;%2&apos;</source>
        <translation>%1 不包含“%2”</translation>
    </message>
    <message>
        <source>%1 contains &apos;%2&apos;</source>
        <translation>%1 包含“%2”</translation>
    </message>
    <message>
        <source>%1 does not match /%2/</source>
        <translation>%1 不匹配 /%2/</translation>
    </message>
    <message>
        <source>%1 matches /%2/</source>
        <translation>%1 匹配 /%2/</translation>
    </message>
    <message>
        <source>%1 is absent</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is present</source>
        <translation>%1 存在</translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation>%1 不属于 %2</translation>
    </message>
    <message>
        <source>%1 is one of %2</source>
        <translation>%1 属于 %2</translation>
    </message>
    <message>
        <source>%1 is not below %2</source>
        <translation>%1 不小于 %2</translation>
    </message>
    <message>
        <source>%1 is below %2</source>
        <translation>%1 小于 %2</translation>
    </message>
    <message>
        <source>%1 is above %2</source>
        <translation>%1 大于 %2</translation>
    </message>
    <message>
        <source>%1 is at most %2</source>
        <translation>%1 不大于 %2</translation>
    </message>
    <message>
        <source>%1 is not above %2</source>
        <translation>%1 不大于 %2</translation>
    </message>
    <message>
        <source>%1 is at least %2</source>
        <translation>%1 不小于 %2</translation>
    </message>
    <message>
        <source>%1 (any case)</source>
        <translation>%1（不区分大小写）</translation>
    </message>
    <message>
        <source>%1 (absent from the request)</source>
        <translation>%1（请求中没有该字段）</translation>
    </message>
    <message>
        <source>%1 (matched in &quot;%2&quot;)</source>
        <translation>%1（匹配于“%2”）</translation>
    </message>
    <message>
        <source>%1 (found &quot;%2&quot;)</source>
        <translation>%1（实际为“%2”）</translation>
    </message>
</context>
<context>
    <name>RuleDraft</name>
    <message>
        <source>%1 from capture #%2</source>
        <translation>来自捕获 #%2 的 %1</translation>
    </message>
    <message>
        <source>%1 when %2</source>
        <translation>%1（按 %2）</translation>
    </message>
</context>
<context>
    <name>RuleSentence</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>every call</source>
        <translation>每次调用</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 且 %2</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 且另外 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 or %n more</source>
        <translation>
            <numerusform>%1 或另外 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>拦截 %1</translation>
    </message>
    <message>
        <source>rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>rewrite %1</source>
        <translation>改写 %1</translation>
    </message>
    <message>
        <source>error %1 (actionCode %2)</source>
        <translation>错误 %1（actionCode %2）</translation>
    </message>
    <message>
        <source>custom body</source>
        <translation>自定义应答体</translation>
    </message>
    <message>
        <source>%1, forwarded to %2</source>
        <translation>%1，并转发到 %2</translation>
    </message>
    <message>
        <source>forward to %1</source>
        <translation>转发到 %1</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%2 后%1</translation>
    </message>
    <message>
        <source>%1 after %2 to %3</source>
        <translation>%2 至 %3 后%1</translation>
    </message>
    <message>
        <source>%1 after about %2</source>
        <translation>约 %2 后%1</translation>
    </message>
    <message>
        <source>%1 just after OpenIM&apos;s timeout</source>
        <translation>刚过 OpenIM 超时后%1</translation>
    </message>
    <message>
        <source>%1, fault %2 (%3 %)</source>
        <translation>%1，故障 %2（%3 %）</translation>
    </message>
    <message>
        <source>%1, fault %2</source>
        <translation>%1，故障 %2</translation>
    </message>
    <message>
        <source>%1 (%2 times)</source>
        <translation>%1（%2 次）</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1，然后 %2</translation>
    </message>
    <message>
        <source>%1, then again</source>
        <translation>%1，然后从头再来</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>（不存在）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>cbi::BarChart</name>
    <message>
        <source>%1: highest %2, last %3</source>
        <translation>%1：最高 %2，最近 %3</translation>
    </message>
</context>
<context>
    <name>cbi::CallbackFilter</name>
    <message>
        <source>OpenIM %1 reads config.yaml&apos;s callback: section; this view models v3.7 and later</source>
        <translation>OpenIM %1 读取 config.yaml 的 callback: 部分；此视图只模拟 v3.7 及以后的版本</translation>
    </message>
    <message>
        <source>OpenIM %1 has no %2 callback</source>
        <translation>OpenIM %1 没有 %2 回调</translation>
    </message>
    <message>
        <source>OpenIM %1 fails to load this webhooks.yml (see check)</source>
        <translation>OpenIM %1 无法加载此 webhooks.yml（见 check）</translation>
    </message>
    <message>
        <source>messages of the notification session (type 4) reach no rpc-msg callback</source>
        <translation>通知会话（类型 4）的消息不会触发任何 rpc-msg 回调</translation>
    </message>
    <message>
        <source>only single-chat messages (session type 1) reach it</source>
        <translation>只有单聊消息（会话类型 1）会触发它</translation>
    </message>
    <message>
        <source>only group messages (session type 3) reach it</source>
        <translation>只有群聊消息（会话类型 3）会触发它</translation>
    </message>
    <message>
        <source>webhooks.yml has no %1 key, so it is disabled</source>
        <translation>webhooks.yml 中没有 %1 键，因此它处于禁用状态</translation>
    </message>
    <message>
        <source>%1.enable is not true</source>
        <translation>%1.enable 不是 true</translation>
    </message>
    <message>
        <source>main never sends notifications to message callbacks</source>
        <translation>main 从不把通知发给消息回调</translation>
    </message>
    <message>
        <source>beforeSendSingleMsg verifies users&apos; messages only; a single-chat notification reaches afterSendSingleMsg</source>
        <translation>beforeSendSingleMsg 只校验用户发送的消息；单聊通知会触发 afterSendSingleMsg</translation>
    </message>
    <message>
        <source>typing messages (113) never reach message callbacks</source>
        <translation>正在输入消息（113）从不触发消息回调</translation>
    </message>
    <message>
        <source>before main, beforeMsgModify is called for text messages (101) only</source>
        <translation>main 之前，beforeMsgModify 只对文本消息（101）调用</translation>
    </message>
    <message>
        <source>fires (notifications included on OpenIM %1)</source>
        <translation>触发（OpenIM %1 对通知也会调用）</translation>
    </message>
    <message>
        <source>fires: POST %1/%2</source>
        <translation>触发：POST %1/%2</translation>
    </message>
    <message>
        <source>main matches attentionIds against recvID only, and recvID &quot;%1&quot; is not in [%2]</source>
        <translation>main 只用 recvID 匹配 attentionIds，而 recvID“%1”不在 [%2] 中</translation>
    </message>
    <message>
        <source>main always skips typing (113) and notification types (1000-5000)</source>
        <translation>main 总是跳过正在输入（113）和通知类型（1000-5000）</translation>
    </message>
    <message>
        <source>content type %1 is in deniedTypes</source>
        <translation>内容类型 %1 在 deniedTypes 中</translation>
    </message>
    <message>
        <source>neither sendID &quot;%1&quot; nor recvID &quot;%2&quot; is in attentionIds [%3]</source>
        <translation>sendID“%1”和 recvID“%2”都不在 attentionIds [%3] 中</translation>
    </message>
    <message>
        <source>content type %1 is outside allowedTypes [%2]</source>
        <translation>内容类型 %1 不在 allowedTypes [%2] 范围内</translation>
    </message>
    <message>
        <source>content type %1 is in deniedTypes [%2]</source>
        <translation>内容类型 %1 在 deniedTypes [%2] 中</translation>
    </message>
</context>
<context>
    <name>cbi::CaptureDetailView</name>
    <message>
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Raw request</source>
        <translation>原始请求</translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation>已发送的应答</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Request body as a tree</source>
        <translation>请求体树形视图</translation>
    </message>
    <message>
        <source>What OpenIM will do</source>
        <translation>OpenIM 将如何处理</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Body tree</source>
        <translation>请求体树</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>复制请求体</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>复制为 cURL</translation>
    </message>
    <message>
        <source>Copy the request body to the clipboard</source>
        <translation>将请求体复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy a curl command that sends this request again</source>
        <translation>复制一条重新发送此请求的 curl 命令</translation>
    </message>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation>
            <numerusform>{%n 个字段}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message>
        <source>(decoded)</source>
        <translation>（已解码）</translation>
    </message>
    <message>
        <source>Select a capture to see it here.</source>
        <translation>选择一个捕获以在此查看。</translation>
    </message>
    <message>
        <source>Rewritten:</source>
        <translation>已改写：</translation>
    </message>
    <message>
        <source>Ignored by OpenIM:</source>
        <translation>OpenIM 忽略：</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Command: %1 (URL style: %2)</source>
        <translation>命令：%1（URL 形式：%2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>operationID: %1 · from %2:%3 · %4</source>
        <translation>operationID：%1 · 来自 %2:%3 · %4</translation>
    </message>
    <message>
        <source>key (decoded): %1</source>
        <translation>key（已解码）：%1</translation>
    </message>
    <message>
        <source>(body)</source>
        <translation>（请求体）</translation>
    </message>
    <message>
        <source>?key (decoded)</source>
        <translation>?key（已解码）</translation>
    </message>
    <message>
        <source>No reply: fault &quot;%1&quot;</source>
        <translation>无应答：故障“%1”</translation>
    </message>
    <message>
        <source>Fault: %1</source>
        <translation>故障：%1</translation>
    </message>
    <message>
        <source>Forwarded to %1 (its reply was recorded; the rule&apos;s reply went to OpenIM), answered in %2 ms:</source>
        <translation>已转发到 %1（其回复已记录；规则的回复发给了 OpenIM），耗时 %2 毫秒：</translation>
    </message>
    <message>
        <source>Forwarded to %1, which answered in %2 ms (sent on to OpenIM):</source>
        <translation>已转发到 %1，其在 %2 毫秒内回复（已转交 OpenIM）：</translation>
    </message>
    <message>
        <source>No reply: %1</source>
        <translation>无回复：%1</translation>
    </message>
    <message>
        <source>Capture detail</source>
        <translation>捕获详情</translation>
    </message>
    <message numerus="yes">
        <source>Copied the body of capture #%1 (%n byte(s))</source>
        <translation>
            <numerusform>已复制捕获 #%1 的请求体（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied a cURL command that sends capture #%1 again</source>
        <translation>已复制可再次发送捕获 #%1 的 cURL 命令</translation>
    </message>
    <message>
        <source>Make &amp;Condition from This Field...</source>
        <translation>用此字段生成条件(&amp;C)...</translation>
    </message>
    <message>
        <source>Held callback</source>
        <translation>已扣留的回调</translation>
    </message>
    <message>
        <source>&amp;Wrap lines</source>
        <translation>自动换行(&amp;W)</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>复制值(&amp;V)</translation>
    </message>
    <message>
        <source>Copy &amp;Path</source>
        <translation>复制路径(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Filter on This Value</source>
        <translation>按此值筛选(&amp;F)</translation>
    </message>
    <message>
        <source>Held: OpenIM waits %1 s more for your answer in the Held panel; this is its request.</source>
        <translation>已扣留：OpenIM 还会再等 %1 秒，等待您在“已扣留”面板中应答；这是它的请求。</translation>
    </message>
    <message>
        <source>Held: OpenIM gave up waiting %1 s ago; the rules&apos; reply leaves when the hold ends.</source>
        <translation>已扣留：OpenIM 已在 %1 秒前放弃等待；扣留结束时将发出规则的应答。</translation>
    </message>
    <message>
        <source>Answered by hand (%1) after %2 ms</source>
        <translation>已手动应答（%1），用时 %2 毫秒</translation>
    </message>
    <message>
        <source>Held, not answered within OpenIM&apos;s %1 s: OpenIM gave up; the rules&apos; reply left after %2 ms</source>
        <translation>已扣留，未在 OpenIM 的 %1 秒内应答：OpenIM 已放弃；规则的应答在 %2 毫秒后才发出</translation>
    </message>
    <message>
        <source>Held, then answered with the rules&apos; reply after %1 ms</source>
        <translation>已扣留，随后在 %1 毫秒后以规则的应答答复</translation>
    </message>
    <message>
        <source>Answered by the default reply (no rule matched)</source>
        <translation>由默认应答答复（没有规则匹配）</translation>
    </message>
    <message>
        <source>Answered by rule &quot;%1&quot;</source>
        <translation>由规则“%1”答复</translation>
    </message>
    <message>
        <source>decoded:</source>
        <translation>解码后：</translation>
    </message>
    <message>
        <source>Received %1; reply sent after %2 ms, at %3</source>
        <translation>收到于 %1；应答在 %2 毫秒后发出，时间 %3</translation>
    </message>
    <message>
        <source>Held %1 ms of OpenIM&apos;s %2 ms timeout</source>
        <translation>扣留了 %1 毫秒（OpenIM 超时为 %2 毫秒）</translation>
    </message>
    <message numerus="yes">
        <source>Only the start of the body is shown: the whole body (%n byte(s)) is in the session file, which cannot be read now.</source>
        <translation>
            <numerusform>仅显示请求体的开头部分：完整的请求体（%n 字节）保存在会话文件中，但现在无法读取。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This body has %n byte(s): long values are cut here; Copy body copies it whole.</source>
        <translation>
            <numerusform>此请求体有 %n 字节：此处截断了较长的值；“复制请求体”会复制完整内容。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cbi::CaptureFiles</name>
    <message>
        <source>HAR 1.2 (*.har)</source>
        <translation>HAR 1.2 (*.har)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>NDJSON (*.ndjson)</source>
        <translation>NDJSON (*.ndjson)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>cURL script (*.sh)</source>
        <translation>cURL 脚本 (*.sh)</translation>
    </message>
    <message>
        <source>Export Captures</source>
        <translation>导出捕获</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 cannot be written:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <source>Exporting captures...</source>
        <translation>正在导出捕获...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n capture(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个捕获导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Captures</source>
        <translation>导入捕获</translation>
    </message>
    <message>
        <source>Captures (*.har *.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>捕获文件 (*.har *.json *.ndjson *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>%1 cannot be imported:
%2</source>
        <translation>无法导入 %1：
%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n capture(s) from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个捕获</numerusform>
        </translation>
    </message>
    <message>
        <source>Import webhooks.yml</source>
        <translation>导入 webhooks.yml</translation>
    </message>
    <message>
        <source>OpenIM configuration (*.yml *.yaml);;All files (*)</source>
        <translation>OpenIM 配置 (*.yml *.yaml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be used:
%2</source>
        <translation>无法使用 %1：
%2</translation>
    </message>
    <message>
        <source>url: %1</source>
        <translation>url：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) enabled; their timeouts now drive the verdicts.</source>
        <translation>
            <numerusform>已启用 %n 个命令；判定现在使用它们的超时设置。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mistake: %1</source>
        <translation>配置问题：%1</translation>
    </message>
    <message>
        <source>Enabled but silent: %1 has not arrived</source>
        <translation>已启用但未收到：%1 尚未到达</translation>
    </message>
    <message>
        <source>Arrived but disabled: %1 (is OpenIM using another configuration?)</source>
        <translation>已禁用却收到：%1（OpenIM 是否在使用其他配置？）</translation>
    </message>
    <message>
        <source>webhooks.yml</source>
        <translation>webhooks.yml</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写入</translation>
    </message>
    <message>
        <source>Wrote %1: put it in OpenIM&apos;s config directory and restart OpenIM</source>
        <translation>已写入 %1：请放入 OpenIM 的配置目录并重启 OpenIM</translation>
    </message>
    <message>
        <source>Fails to load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>Ignored: %1</source>
        <translation>被忽略：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Why No Callback? OpenIM&apos;s webhooks.yml</source>
        <translation>为什么没有回调？OpenIM 的 webhooks.yml</translation>
    </message>
    <message>
        <source>Saved: put it in OpenIM&apos;s config directory (or its environment) and restart OpenIM</source>
        <translation>已保存：请将其放入 OpenIM 的配置目录（或其环境变量）并重启 OpenIM</translation>
    </message>
</context>
<context>
    <name>cbi::CapturePane</name>
    <message>
        <source>Captured callbacks</source>
        <translation>已捕获的回调</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Command filter</source>
        <translation>命令筛选</translation>
    </message>
    <message>
        <source>All commands</source>
        <translation>所有命令</translation>
    </message>
    <message>
        <source>Verdict filter</source>
        <translation>判定筛选</translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation>所有判定</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>忽略</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s)</source>
        <translation>
            <numerusform>%n 个捕获</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n from the session file</source>
        <translation>
            <numerusform>%n 条来自会话文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older in the session file (scroll up)</source>
        <translation>
            <numerusform>会话文件中还有 %n 条更早的捕获（向上滚动）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped (oldest)</source>
        <translation>
            <numerusform>已丢弃 %n 个（最早的）</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter not applied: %1</source>
        <translation>筛选未生效：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Reading older captures from the session file...</source>
        <translation>正在从会话文件读取更早的捕获……</translation>
    </message>
    <message>
        <source>The session file cannot be read: %1</source>
        <translation>无法读取会话文件：%1</translation>
    </message>
    <message>
        <source>The table now starts with the session&apos;s first matching capture.</source>
        <translation>表格现已从会话中第一条匹配的捕获开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n older capture(s) read from the session file; scroll up for more.</source>
        <translation>
            <numerusform>已从会话文件读取 %n 条更早的捕获；向上滚动可加载更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paused, %n waiting</source>
        <translation>
            <numerusform>已暂停，%n 条待显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter: any text, or command:… verdict:blocked sendID:alice content:… clientMsgID:… delay&gt;1000 has:warning (-word excludes)</source>
        <translation>筛选：任意文本，或 command:… verdict:blocked sendID:alice content:… clientMsgID:… delay&gt;1000 has:warning（-词 表示排除）</translation>
    </message>
    <message>
        <source>Shown %1 of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
    <message>
        <source>No captures match “%1”</source>
        <translation>没有与“%1”匹配的捕获</translation>
    </message>
    <message>
        <source>Filter on This Value</source>
        <translation>按此值筛选</translation>
    </message>
    <message>
        <source>Filter on This Value (%1)</source>
        <translation>按此值筛选（%1）</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message>
        <source>Copy Body</source>
        <translation>复制请求体</translation>
    </message>
    <message>
        <source>Auto Scroll</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>not a callback</source>
        <translation>不是回调</translation>
    </message>
</context>
<context>
    <name>cbi::CaptureStore</name>
    <message>
        <source>the session file that holds it is closed</source>
        <translation>保存它的会话文件已关闭</translation>
    </message>
    <message>
        <source>it is not in the session file</source>
        <translation>会话文件中没有它</translation>
    </message>
    <message>
        <source>the session file holds another body under this id (%1 bytes, expected %2)</source>
        <translation>会话文件中此 ID 下是另一个请求体（%1 字节，应为 %2 字节）</translation>
    </message>
    <message>
        <source>The whole body of capture #%1 (%2 bytes) cannot be read: %3</source>
        <translation>无法读取捕获 #%1 的完整请求体（%2 字节）：%3</translation>
    </message>
</context>
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
        <translation>%1 ms</translation>
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
    <message>
        <source>continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>block (%1)</source>
        <translation>拦截 (%1)</translation>
    </message>
    <message>
        <source>rewrite %1</source>
        <translation>改写 %1</translation>
    </message>
    <message>
        <source>fail (%1)</source>
        <translation>失败 (%1)</translation>
    </message>
    <message>
        <source>ignore (after)</source>
        <translation>忽略 (后置)</translation>
    </message>
    <message>
        <source>OpenIM will</source>
        <translation>OpenIM 将</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>block: the caller sees success</source>
        <translation>拦截：调用方看到的是成功</translation>
    </message>
    <message>
        <source>block: the caller sees %1</source>
        <translation>拦截：调用方看到 %1</translation>
    </message>
    <message>
        <source>not a callback</source>
        <translation>不是回调</translation>
    </message>
    <message>
        <source>Warnings: a misconfigured OpenIM (a trailing slash, no operationID, ...)</source>
        <translation>警告：OpenIM 配置有误（末尾斜杠、缺少 operationID 等）</translation>
    </message>
    <message>
        <source>clientMsgID</source>
        <translation>clientMsgID</translation>
    </message>
    <message>
        <source>(answered by hand)</source>
        <translation>（手动应答）</translation>
    </message>
    <message>
        <source>paused, %1 s left</source>
        <translation>已暂停，剩余 %1 秒</translation>
    </message>
    <message>
        <source>paused, OpenIM gave up</source>
        <translation>已暂停，OpenIM 已放弃</translation>
    </message>
    <message>
        <source>Rewritten by the reply. OpenIM sent: %1</source>
        <translation>已被应答改写。OpenIM 发送的原文：%1</translation>
    </message>
</context>
<context>
    <name>cbi::CaptureTableView</name>
    <message>
        <source>&amp;Auto Scroll</source>
        <translation>自动滚动(&amp;A)</translation>
    </message>
    <message>
        <source>Keep the newest capture in view; scrolling up pauses it</source>
        <translation>始终显示最新的捕获；向上滚动会暂停</translation>
    </message>
    <message>
        <source>Jump to the latest capture and follow new ones again</source>
        <translation>跳到最新的捕获并重新跟随新捕获</translation>
    </message>
    <message>
        <source>Jump to the latest capture</source>
        <translation>跳到最新的捕获</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message numerus="yes">
        <source>%n new ↓</source>
        <translation>
            <numerusform>%n 条新 ↓</numerusform>
        </translation>
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
    <message>
        <source>After-callback: OpenIM does not read the reply</source>
        <translation>后置回调：OpenIM 不读取应答</translation>
    </message>
    <message>
        <source>After-callback: OpenIM ignores the reply but waits for it (synchronous before v3.7)</source>
        <translation>后置回调：OpenIM 忽略应答，但会等待它（v3.7 之前为同步调用）</translation>
    </message>
    <message>
        <source>Connection closed without a reply: NetworkError 90004</source>
        <translation>连接在应答前被关闭：NetworkError 90004</translation>
    </message>
    <message>
        <source>Connection reset: NetworkError 90004</source>
        <translation>连接被重置：NetworkError 90004</translation>
    </message>
    <message>
        <source>No reply within the %1 ms timeout: NetworkError 90004</source>
        <translation>在 %1 毫秒超时内没有应答：NetworkError 90004</translation>
    </message>
    <message>
        <source>Reply body shorter than its Content-Length (unexpected EOF): NetworkError 90004</source>
        <translation>应答体短于其 Content-Length（意外的 EOF）：NetworkError 90004</translation>
    </message>
    <message>
        <source>The reply trickles in over %1 ms, past the %2 ms timeout: NetworkError 90004</source>
        <translation>应答缓慢传输了 %1 毫秒，超过 %2 毫秒的超时：NetworkError 90004</translation>
    </message>
    <message>
        <source>Reply after %1 ms, past the %2 ms timeout: NetworkError 90004</source>
        <translation>应答在 %1 毫秒后到达，超过 %2 毫秒的超时：NetworkError 90004</translation>
    </message>
    <message>
        <source>%1; failedContinue: true makes OpenIM %2 carry on</source>
        <translation>%1；failedContinue: true 使 OpenIM %2 继续执行</translation>
    </message>
    <message>
        <source>failedContinue is false: the error fails the call</source>
        <translation>failedContinue 为 false：该错误使调用失败</translation>
    </message>
    <message>
        <source>HTTP status %1 is ignored: OpenIM only reads the body</source>
        <translation>HTTP 状态码 %1 被忽略：OpenIM 只读取应答体</translation>
    </message>
    <message>
        <source>The reply is not the JSON OpenIM expects (%1): DataError 90007</source>
        <translation>应答不是 OpenIM 期望的 JSON（%1）：DataError 90007</translation>
    </message>
    <message>
        <source>OpenIM v3.6 only logs a denial: before-callbacks cannot block there</source>
        <translation>OpenIM v3.6 只记录拒绝：前置回调在该版本无法拦截</translation>
    </message>
    <message>
        <source>actionCode %1 with nextCode 1 does not block: OpenIM stops only when actionCode is 0 and nextCode is 1</source>
        <translation>actionCode 为 %1 且 nextCode 为 1 不会拦截：只有 actionCode 为 0 且 nextCode 为 1 时 OpenIM 才会停止</translation>
    </message>
    <message>
        <source>Blocked: actionCode is not 0; the send returns errCode %1</source>
        <translation>已拦截：actionCode 不为 0；发送返回 errCode %1</translation>
    </message>
    <message>
        <source>Blocked with errCode %1, but codes under 100 reach the caller as 500 ServerInternalError</source>
        <translation>以 errCode %1 拦截，但小于 100 的错误码会以 500 ServerInternalError 返回给调用方</translation>
    </message>
    <message>
        <source>errCode %1 is under 100: use 100 or more (5000-9999 recommended)</source>
        <translation>errCode %1 小于 100：请使用 100 及以上（推荐 5000-9999）</translation>
    </message>
    <message>
        <source>errCode %1 without nextCode 1 does not block</source>
        <translation>没有 nextCode 1 时 errCode %1 不会拦截</translation>
    </message>
    <message>
        <source>%1 is not echoed from the request: OpenIM copies it back anyway and changes the group</source>
        <translation>%1 未按请求原样返回：OpenIM 仍会将其写回并修改群信息</translation>
    </message>
    <message>
        <source>The rewritten content is not JSON object text: OpenIM rejects the message with ArgsError 1001</source>
        <translation>改写后的 content 不是 JSON 对象文本：OpenIM 以 ArgsError 1001 拒绝该消息</translation>
    </message>
    <message>
        <source>offlinePushInfo is copied into the message&apos;s own push info: if the message has none, OpenIM panics (errCode 500)</source>
        <translation>offlinePushInfo 会被复制到消息自身的推送信息中：若消息没有推送信息，OpenIM 会崩溃（errCode 500）</translation>
    </message>
    <message>
        <source>%1 is returned but the client did not send it: OpenIM dereferences nil and fails with errCode 500</source>
        <translation>应答返回了 %1，但客户端未发送该字段：OpenIM 解引用空指针并以 errCode 500 失败</translation>
    </message>
    <message>
        <source>A memberCallbackList entry has no userID: OpenIM panics (errCode 500)</source>
        <translation>memberCallbackList 中有条目缺少 userID：OpenIM 会崩溃（errCode 500）</translation>
    </message>
    <message>
        <source>Continues: actionCode %1 is not a denial</source>
        <translation>继续：actionCode %1 不是拒绝</translation>
    </message>
    <message>
        <source>Continues unchanged</source>
        <translation>原样继续</translation>
    </message>
    <message>
        <source>Continues with %1 rewritten</source>
        <translation>继续，并改写 %1</translation>
    </message>
    <message>
        <source>Ignored by OpenIM for this command: %1</source>
        <translation>此命令下 OpenIM 会忽略：%1</translation>
    </message>
    <message>
        <source>Closest rule &quot;%1&quot; missed: %2</source>
        <translation>最接近的规则“%1”未匹配：%2</translation>
    </message>
    <message>
        <source>Blocked: the caller gets errCode %1, errMsg &quot;%2&quot;</source>
        <translation>已拦截：调用方收到 errCode %1，errMsg “%2”</translation>
    </message>
    <message>
        <source>%1 is not a key of OpenIM&apos;s webhooks configuration: it is ignored (a typo?)</source>
        <translation>%1 不是 OpenIM webhooks 配置中的键：它会被忽略（拼写错误？）</translation>
    </message>
    <message>
        <source>%1: timeout %2 is not a whole number of seconds</source>
        <translation>%1：timeout %2 不是整数秒</translation>
    </message>
    <message>
        <source>%1: timeout %2 s is more than OpenIM&apos;s HTTP client allows; it gives up after 15 s</source>
        <translation>%1：timeout %2 秒超过了 OpenIM HTTP 客户端的上限；15 秒后就会放弃</translation>
    </message>
    <message>
        <source>url %1 ends with &apos;/&apos;: OpenIM appends /{command} verbatim, so paths get &apos;//&apos;</source>
        <translation>url %1 以 &apos;/&apos; 结尾：OpenIM 会原样追加 /{command}，路径中会出现 &apos;//&apos;</translation>
    </message>
    <message>
        <source>url %1 has a query string: OpenIM appends /{command} after it, which breaks the URL</source>
        <translation>url %1 含有查询字符串：OpenIM 会在其后追加 /{command}，导致 URL 出错</translation>
    </message>
    <message>
        <source>failedContinue: false for %1 does nothing: OpenIM ignores failedContinue since v3.7.0, and errors always fail the call</source>
        <translation>%1 的 failedContinue: false 不起作用：OpenIM 自 v3.7.0 起忽略 failedContinue，错误总会使调用失败</translation>
    </message>
    <message>
        <source>Reply header %1 was not sent: its template value holds CR, LF or another control character from the request, which would have added headers to the reply or split it</source>
        <translation>应答头 %1 未发送：其模板值含有来自请求的 CR、LF 或其他控制字符，会向应答中添加请求头或将应答拆开</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: %2 gave up on this request (it backtracked past its time budget); the condition was taken as not holding</source>
        <translation>规则“%1”：%2 在此请求上放弃了匹配（回溯超出了时间预算）；该条件按不成立处理</translation>
    </message>
    <message>
        <source>This reply held one of OpenIM&apos;s 2 webhook workers for %1 ms: at more than 2 such callbacks per %1 ms its queue of 100 fills, then OpenIM blocks the sending call up to %2 ms and drops callbacks</source>
        <translation>此应答占用了 OpenIM 的 2 个 webhook 工作协程之一 %1 毫秒：若每 %1 毫秒超过 2 个此类回调，其 100 个槽位的队列将被填满，之后 OpenIM 会阻塞发送调用最多 %2 毫秒并丢弃回调</translation>
    </message>
    <message>
        <source>Blocked with errCode %1, but this OpenIM version does not hand that code on: the caller sees 500 ServerInternalError</source>
        <translation>以 errCode %1 拦截，但此 OpenIM 版本不会原样传递该错误码：调用方看到的是 500 ServerInternalError</translation>
    </message>
    <message>
        <source>Blocked with errCode 0: the operation does not run, yet the caller sees success with an empty response</source>
        <translation>以 errCode 0 拦截：操作不会执行，但调用方看到的是成功和一个空响应</translation>
    </message>
    <message>
        <source>ex is applied if the client&apos;s request set ex (the callback always shows it as null); if the client sent none, OpenIM dereferences nil and fails with errCode 500</source>
        <translation>若客户端的请求设置了 ex，则应用返回的 ex（回调中的 ex 始终显示为 null）；若客户端未发送 ex，OpenIM 会解引用空指针并以 errCode 500 失败</translation>
    </message>
    <message>
        <source>userIDList on a one-to-one or notification chat: OpenIM %1 dereferences a nil list and panics, and openim-push has no recover, so the push service crashes (fixed in v3.8.1)</source>
        <translation>单聊或通知会话中返回了 userIDList：OpenIM %1 会解引用空列表而崩溃（panic），且 openim-push 没有 recover，因此推送服务进程会退出（v3.8.1 已修复）</translation>
    </message>
    <message>
        <source>The request has no sessionType: if this is a one-to-one or notification chat, OpenIM %1 panics on userIDList and the push service crashes (fixed in v3.8.1)</source>
        <translation>请求中没有 sessionType：若这是单聊或通知会话，OpenIM %1 会因 userIDList 而崩溃（panic），推送服务进程会退出（v3.8.1 已修复）</translation>
    </message>
    <message>
        <source>Profile v3.7 now means OpenIM v3.7.0 - v3.7.1 only; for v3.8.2 - v3.8.3-patch.x use v3.8.2</source>
        <translation>版本配置 v3.7 现在仅表示 OpenIM v3.7.0 - v3.7.1；v3.8.2 - v3.8.3-patch.x 请使用 v3.8.2</translation>
    </message>
    <message>
        <source>OpenIM %1 never sends %2; this request looks like %3: switch profile?</source>
        <translation>OpenIM %1 从不发送 %2；此请求看起来来自 %3：要切换版本配置吗？</translation>
    </message>
    <message>
        <source>OpenIM %1 never sends %2</source>
        <translation>OpenIM %1 从不发送 %2</translation>
    </message>
    <message>
        <source>OpenIM %1 does not send this request as captured (%2 differs); it looks like %3: switch profile?</source>
        <translation>OpenIM %1 不会以捕获到的这种形式发送此请求（%2 不同）；它看起来来自 %3：要切换版本配置吗？</translation>
    </message>
    <message>
        <source>OpenIM %1 does not send this request as captured (%2 differs)</source>
        <translation>OpenIM %1 不会以捕获到的这种形式发送此请求（%2 不同）</translation>
    </message>
    <message>
        <source>The request carries secret, OpenIM&apos;s admin secret from share.yml: this OpenIM version (%1) leaks it to the business server. Exports mask it</source>
        <translation>请求携带 secret，即 share.yml 中 OpenIM 的管理员密钥：此 OpenIM 版本（%1）会把它泄露给业务服务器。导出时会将其遮盖</translation>
    </message>
    <message>
        <source>No OpenIM %1 release sends %2: later builds of the 3.8.3-patch branch do (a backport), and so does %3. With a release, switch profile?</source>
        <translation>没有任何 OpenIM %1 正式版本会发送 %2：3.8.3-patch 分支的后续构建会发送（向后移植），%3 也会发送。如果使用的是正式版本，要切换版本配置吗？</translation>
    </message>
    <message>
        <source>Closest rule &quot;%1&quot; missed: none of its conditions held, e.g. %2</source>
        <translation>最接近的规则“%1”未命中：它的条件都不成立，例如 %2</translation>
    </message>
    <message>
        <source>Closest rule &quot;%1&quot; missed: the command is %2, the rule wants %3</source>
        <translation>最接近的规则“%1”未命中：命令是 %2，而规则要求 %3</translation>
    </message>
    <message>
        <source>Not a callback: no OpenIM command in the path, the query or the body, so OpenIM never sends this request (a liveness probe or a misdirected client)</source>
        <translation>不是回调：路径、查询参数和请求体中都没有 OpenIM 命令，OpenIM 从不发送这种请求（存活探测或发错地址的客户端）</translation>
    </message>
</context>
<context>
    <name>cbi::CommandLine</name>
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
    <message>
        <source>Answer with the rules of this scenario file (docs/scenarios.md).</source>
        <translation>使用此场景文件中的规则应答（见 docs/scenarios.md）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Invalid --profile value %1: expected one of %2</source>
        <translation>--profile 的值 %1 无效：应为以下之一：%2</translation>
    </message>
    <message>
        <source>Bearer token of the control API (/__inspector/); by default one is generated when the server listens beyond loopback.</source>
        <translation>控制 API（/__inspector/）的 Bearer 令牌；服务器监听回环以外的地址时默认自动生成。</translation>
    </message>
    <message>
        <source>token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>run: the test driver, a shell command run once the server listens (CBI_URL and CBI_API are set for it).</source>
        <translation>run：测试驱动程序，服务器开始监听后运行的 shell 命令（会为其设置 CBI_URL 和 CBI_API）。</translation>
    </message>
    <message>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>run: capture for this long, then check.</source>
        <translation>run：捕获这么长时间后进行检查。</translation>
    </message>
    <message>
        <source>run: check once this many callbacks arrived.</source>
        <translation>run：收到这么多回调后进行检查。</translation>
    </message>
    <message>
        <source>run: write a JUnit XML report to this file.</source>
        <translation>run：将 JUnit XML 报告写入此文件。</translation>
    </message>
    <message>
        <source>Journal every capture and its reply to this session file (SQLite); import: the session to import into.</source>
        <translation>将每个捕获及其应答记录到此会话文件（SQLite）；import：要导入的目标会话。</translation>
    </message>
    <message>
        <source>export: har, json, ndjson, csv or curl (default json).</source>
        <translation>export：har、json、ndjson、csv 或 curl（默认 json）。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>export: the file to write (- for standard output).</source>
        <translation>export：要写入的文件（- 表示标准输出）。</translation>
    </message>
    <message>
        <source>export: only this callback command.</source>
        <translation>export：仅此回调命令。</translation>
    </message>
    <message>
        <source>export: only this verdict (continue, blocked, modified, failed, ignored).</source>
        <translation>export：仅此判定（continue、blocked、modified、failed、ignored）。</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>export: only captures from this time on (ISO 8601).</source>
        <translation>export：仅此时间之后的捕获（ISO 8601）。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>export --format curl: the server the commands send to (default http://127.0.0.1:10006).</source>
        <translation>export --format curl：命令发送到的服务器（默认 http://127.0.0.1:10006）。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>serve, run SCENARIO, or nothing for the window.</source>
        <translation>serve、run SCENARIO，或不填以打开窗口。</translation>
    </message>
    <message>
        <source>run needs a scenario file: callback-inspector run SCENARIO</source>
        <translation>run 需要一个场景文件：callback-inspector run SCENARIO</translation>
    </message>
    <message>
        <source>export needs a session file and an output: callback-inspector export SESSION --format har -o FILE</source>
        <translation>export 需要会话文件和输出：callback-inspector export SESSION --format har -o FILE</translation>
    </message>
    <message>
        <source>import needs a file and a session: callback-inspector import FILE --session SESSION</source>
        <translation>import 需要一个文件和一个会话：callback-inspector import FILE --session SESSION</translation>
    </message>
    <message>
        <source>Invalid --format value %1: expected one of %2</source>
        <translation>--format 的值 %1 无效：应为以下之一：%2</translation>
    </message>
    <message>
        <source>Invalid --since value %1: expected an ISO 8601 time such as 2026-11-24T08:00:00Z</source>
        <translation>--since 的值 %1 无效：应为 ISO 8601 时间，例如 2026-11-24T08:00:00Z</translation>
    </message>
    <message>
        <source>Invalid --duration value %1: expected milliseconds</source>
        <translation>--duration 的值 %1 无效：应为毫秒数</translation>
    </message>
    <message>
        <source>Invalid --count value %1: expected a positive count</source>
        <translation>--count 的值 %1 无效：应为正整数</translation>
    </message>
    <message>
        <source>send: the business server&apos;s url, as in webhooks.yml.</source>
        <translation>send：业务服务器的 url，与 webhooks.yml 中相同。</translation>
    </message>
    <message>
        <source>send: the request body (default: the catalogue&apos;s sample).</source>
        <translation>send：请求体（默认使用目录中的示例）。</translation>
    </message>
    <message>
        <source>send: the webhooks.yml failedContinue (true or false; read by v2 - v3.6).</source>
        <translation>send：webhooks.yml 中的 failedContinue（true 或 false；v2 - v3.6 读取）。</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>Invalid --failed-continue value %1: expected true or false</source>
        <translation>--failed-continue 的值 %1 无效：应为 true 或 false</translation>
    </message>
    <message>
        <source>Take each command&apos;s timeout (and failedContinue) from OpenIM&apos;s webhooks.yml.</source>
        <translation>从 OpenIM 的 webhooks.yml 读取每个命令的超时（以及 failedContinue）。</translation>
    </message>
    <message>
        <source>webhooks generate: the inspector&apos;s url for OpenIM.</source>
        <translation>webhooks generate：供 OpenIM 使用的检查器 url。</translation>
    </message>
    <message>
        <source>webhooks generate: IMENV_WEBHOOKS_* lines instead of YAML.</source>
        <translation>webhooks generate：输出 IMENV_WEBHOOKS_* 环境变量行而不是 YAML。</translation>
    </message>
    <message>
        <source>send: replay a capture of this session file (with --id) instead of a sample.</source>
        <translation>send：重放此会话文件中的某个捕获（配合 --id），而不是示例请求。</translation>
    </message>
    <message>
        <source>session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>send --replay: the id of the capture to replay.</source>
        <translation>send --replay：要重放的捕获的 id。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>send needs a url and a command: callback-inspector send --to URL --command CMD (or --command all, or --replay SESSION --id N)</source>
        <translation>send 需要 url 和命令：callback-inspector send --to URL --command CMD（或 --command all，或 --replay SESSION --id N）</translation>
    </message>
    <message>
        <source>send --replay needs --id N, the id of a capture in the session</source>
        <translation>send --replay 需要 --id N，即会话中某个捕获的 id</translation>
    </message>
    <message>
        <source>Captures kept in memory; the oldest are dropped (default 50000, or 10000 with --session: the session file keeps them all).</source>
        <translation>内存中保留的捕获数；超出时丢弃最旧的（默认 50000；使用 --session 时为 10000：会话文件保存全部捕获）。</translation>
    </message>
    <message>
        <source>Serve HTTPS with this PEM certificate (chain); needs --tls-key.</source>
        <translation>使用此 PEM 证书（链）提供 HTTPS 服务；需同时指定 --tls-key。</translation>
    </message>
    <message>
        <source>The PEM private key (unencrypted) of --tls-cert.</source>
        <translation>--tls-cert 对应的 PEM 私钥（未加密）。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together: HTTPS needs the certificate and its key</source>
        <translation>--tls-cert 与 --tls-key 必须同时使用：HTTPS 需要证书及其私钥</translation>
    </message>
    <message>
        <source>expected a path such as /callbackExample (a leading /, no trailing /)</source>
        <translation>应为形如 /callbackExample 的路径（以 / 开头，不以 / 结尾）</translation>
    </message>
    <message>
        <source>expected plain path characters (no spaces, ?, #, % or quotes)</source>
        <translation>应只含普通路径字符（不能有空格、?、#、% 或引号）</translation>
    </message>
    <message>
        <source>/__inspector/ is the control API&apos;s; callbacks there would never be captured</source>
        <translation>/__inspector/ 属于控制 API；发到那里的回调永远不会被捕获</translation>
    </message>
    <message>
        <source>When the --session file cannot be written (disk full, locked, I/O error): hold (default) keeps every reply until its capture is written, so OpenIM times out (90004); fail answers anyway and keeps the captures in memory, retrying the file.</source>
        <translation>当 --session 文件无法写入（磁盘已满、被锁定、I/O 错误）时：hold（默认）会扣留每个应答，直到其捕获写入文件，因此 OpenIM 会超时（90004）；fail 则照常应答，把捕获保留在内存中并不断重试写入文件。</translation>
    </message>
    <message>
        <source>A host name the control API also answers to (besides localhost and IP addresses), e.g. the machine&apos;s name when scripts reach it by name; repeat for more.</source>
        <translation>控制 API 还接受的主机名（localhost 和 IP 地址之外），例如脚本按名称访问本机时的机器名；可重复指定多个。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Invalid --base-path value %1: %2</source>
        <translation>--base-path 的值 %1 无效：%2</translation>
    </message>
    <message>
        <source>Invalid --idle-timeout value %1: expected seconds from 1 to %2</source>
        <translation>--idle-timeout 的值 %1 无效：应为 1 到 %2 秒</translation>
    </message>
    <message>
        <source>Invalid --memory-limit value %1: expected a size of at least 1M, such as 512M</source>
        <translation>--memory-limit 的值 %1 无效：应为至少 1M 的大小，例如 512M</translation>
    </message>
    <message>
        <source>Invalid --on-journal-failure value %1: expected hold or fail</source>
        <translation>--on-journal-failure 的值 %1 无效：应为 hold 或 fail</translation>
    </message>
    <message>
        <source>--max-body %1 is too large with --session: a capture must fit one row of the session file; at most 128M</source>
        <translation>使用 --session 时 --max-body %1 过大：一个捕获必须能放进会话文件的一行；最大 128M</translation>
    </message>
    <message>
        <source>With a unit, the same for every command: 5s or 5000ms. run: give up waiting for --count or the driver after this long (default 60s); send and webhooks generate: OpenIM&apos;s callback timeout (default 5s). A bare number keeps its old unit: milliseconds for run, seconds for send and webhooks generate.</source>
        <translation>带单位，所有命令一致：5s 或 5000ms。run：等待 --count 或测试驱动程序的最长时间（默认 60s）；send 和 webhooks generate：OpenIM 的回调超时（默认 5s）。不带单位的数字保持原来的单位：run 为毫秒，send 和 webhooks generate 为秒。</translation>
    </message>
    <message>
        <source>Invalid --timeout value %1: expected whole seconds, such as 5s</source>
        <translation>--timeout 的值 %1 无效：应为整数秒，例如 5s</translation>
    </message>
    <message>
        <source>Invalid --timeout value %1: expected a time such as 60s or 60000ms</source>
        <translation>--timeout 的值 %1 无效：应为时间，例如 60s 或 60000ms</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>OpenIM version whose rules the verdict follows: %1; v3.8.4 is another name for main (default %2, or the scenario&apos;s).</source>
        <translation>判定所依据的 OpenIM 版本规则：%1；v3.8.4 是 main 的别名（默认 %2，或场景文件中的设置）。</translation>
    </message>
    <message>
        <source>export: write the admin secret OpenIM v3.7.0 - v3.8.0 send in the user-register callbacks as captured, not as &quot;***&quot;.</source>
        <translation>export：按捕获原样写出 OpenIM v3.7.0 - v3.8.0 在用户注册回调中发送的管理员密钥，而不是写成 &quot;***&quot;。</translation>
    </message>
    <message>
        <source>OpenIM Callback Inspector: captures the webhook callbacks of an OpenIM server, answers them, and shows what OpenIM will do with each answer.

Without a command the desktop window opens (with no display it serves headless).
Commands:
  serve         run the capture server headless
  run SCENARIO  serve a scenario, run the test driver, check the scenario&apos;s expectations and exit 0 (all met) or 1
  export SESSION --format har|json|ndjson|csv|curl -o FILE  export a session file
  import FILE --session SESSION  add captures from a HAR, JSON or NDJSON file to a session
  send --to URL --command CMD|all  act as OpenIM: post a callback to your business server and say what OpenIM would do with the reply
  webhooks check FILE | why FILE | generate  read, explain or write OpenIM&apos;s webhooks.yml</source>
        <translation>OpenIM 回调检查器：捕获 OpenIM 服务器的 webhook 回调，作出应答，并说明 OpenIM 将如何处理每个应答。

不带命令时打开桌面窗口（没有显示器时以无界面方式提供服务）。
命令：
  serve         以无界面方式运行捕获服务器
  run SCENARIO  使用场景提供服务，运行测试驱动程序，检查场景中的期望，全部满足时退出码为 0，否则为 1
  export SESSION --format har|json|ndjson|csv|curl -o FILE  导出会话文件
  import FILE --session SESSION  将 HAR、JSON 或 NDJSON 文件中的捕获加入会话
  send --to URL --command CMD|all  模拟 OpenIM：向你的业务服务器发送回调，并说明 OpenIM 将如何处理应答
  webhooks check FILE | why FILE | generate  读取、解释或生成 OpenIM 的 webhooks.yml</translation>
    </message>
    <message>
        <source>webhooks why: the message&apos;s contentType (default 101, text).</source>
        <translation>webhooks why：消息的 contentType（默认 101，文本）。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>webhooks why: the message&apos;s sessionType: 1 single chat (default), 3 group, 4 notification.</source>
        <translation>webhooks why：消息的 sessionType：1 单聊（默认），3 群聊，4 通知。</translation>
    </message>
    <message>
        <source>webhooks why: the sender&apos;s user ID.</source>
        <translation>webhooks why：发送者的用户 ID。</translation>
    </message>
    <message>
        <source>webhooks why: the receiver&apos;s user ID (single chats).</source>
        <translation>webhooks why：接收者的用户 ID（单聊）。</translation>
    </message>
    <message>
        <source>webhooks why: the message is a notification sent by OpenIM, not by a user.</source>
        <translation>webhooks why：该消息是 OpenIM 发送的通知，而不是用户发送的。</translation>
    </message>
    <message>
        <source>webhooks why: --content-type takes a number, --session-type 1, 2, 3 or 4</source>
        <translation>webhooks why：--content-type 需要一个数字，--session-type 为 1、2、3 或 4</translation>
    </message>
    <message>
        <source>webhooks: use &quot;webhooks check FILE [--profile P] [--session S]&quot;, &quot;webhooks why FILE [--profile P] [--content-type N] [--session-type N] [--send-id ID] [--recv-id ID] [--notification]&quot; or &quot;webhooks generate [--url URL] [--profile P] [--command all|before|after|CMD,...] [--timeout S] [--env]&quot;</source>
        <translation>webhooks：请使用 &quot;webhooks check FILE [--profile P] [--session S]&quot;、&quot;webhooks why FILE [--profile P] [--content-type N] [--session-type N] [--send-id ID] [--recv-id ID] [--notification]&quot; 或 &quot;webhooks generate [--url URL] [--profile P] [--command all|before|after|CMD,...] [--timeout S] [--env]&quot;</translation>
    </message>
    <message>
        <source>send, and forward rules of serve and run: an https:// business server&apos;s certificate is checked against the system&apos;s CAs and this PEM file (its CA, or the certificate itself when self-signed).</source>
        <translation>send，以及 serve 和 run 的转发规则：https:// 业务服务器的证书会按系统 CA 和此 PEM 文件（其 CA，自签名时即证书本身）校验。</translation>
    </message>
    <message>
        <source>send, and forward rules of serve and run: do not check an https:// business server&apos;s certificate (OpenIM itself would).</source>
        <translation>send，以及 serve 和 run 的转发规则：不校验 https:// 业务服务器的证书（OpenIM 本身会校验）。</translation>
    </message>
    <message>
        <source>Invalid --cacert value: %1</source>
        <translation>无效的 --cacert 值：%1</translation>
    </message>
    <message>
        <source>Bytes of captures kept in memory besides --capacity; the oldest are dropped past it (default 512M; with --session the file keeps them all, and request bodies over 64K are read back from it).</source>
        <translation>除 --capacity 外，内存中保留的捕获字节数；超出时丢弃最旧的（默认 512M；使用 --session 时文件保留全部捕获，超过 64K 的请求体从文件中读回）。</translation>
    </message>
</context>
<context>
    <name>cbi::CompareDialog</name>
    <message>
        <source>Capture #%1</source>
        <translation>捕获 #%1</translation>
    </message>
    <message>
        <source>Compare Captures #%1 and #%2</source>
        <translation>比较捕获 #%1 与 #%2</translation>
    </message>
    <message>
        <source>The two captures are the same (apart from time and id).</source>
        <translation>两个捕获相同（时间与编号除外）。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) differ: removed on the left, added on the right.</source>
        <translation>
            <numerusform>%n 行不同：左侧为删除，右侧为新增。</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1  %2  %3</source>
        <translation>#%1  %2  %3</translation>
    </message>
</context>
<context>
    <name>cbi::ConditionListWidget</name>
    <message>
        <source>Add &amp;condition</source>
        <translation>添加条件(&amp;C)</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Add a test on the request: a body path, a header or a query parameter</source>
        <translation>添加对请求的检查：请求体路径、请求头或查询参数</translation>
    </message>
    <message>
        <source>Any case</source>
        <translation>不区分大小写</translation>
    </message>
    <message>
        <source>Not</source>
        <translation>取反</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>path, e.g. content.content</source>
        <translation>路径，例如 content.content</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Condition %1 source</source>
        <translation>条件 %1 的来源</translation>
    </message>
    <message>
        <source>Condition %1 name or path</source>
        <translation>条件 %1 的名称或路径</translation>
    </message>
    <message>
        <source>Condition %1 operator</source>
        <translation>条件 %1 的运算符</translation>
    </message>
    <message>
        <source>Condition %1 value</source>
        <translation>条件 %1 的值</translation>
    </message>
    <message>
        <source>Condition %1 ignores letter case</source>
        <translation>条件 %1 不区分大小写</translation>
    </message>
    <message>
        <source>CASINO, Casino and casino all match</source>
        <translation>CASINO、Casino 和 casino 都匹配</translation>
    </message>
    <message>
        <source>Condition %1 negated</source>
        <translation>条件 %1 取反</translation>
    </message>
    <message>
        <source>Remove condition %1</source>
        <translation>删除条件 %1</translation>
    </message>
    <message>
        <source>body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询参数</translation>
    </message>
    <message>
        <source>key</source>
        <translation>key 参数</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>regex</source>
        <translation>正则匹配</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>in</source>
        <translation>属于</translation>
    </message>
    <message>
        <source>lt</source>
        <translation>小于</translation>
    </message>
    <message>
        <source>le</source>
        <translation>不大于</translation>
    </message>
    <message>
        <source>gt</source>
        <translation>大于</translation>
    </message>
    <message>
        <source>ge</source>
        <translation>不小于</translation>
    </message>
</context>
<context>
    <name>cbi::EmptyState</name>
    <message>
        <source>Waiting for OpenIM</source>
        <translation>正在等待 OpenIM</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Generate webhooks.yml...</source>
        <translation>生成 webhooks.yml...</translation>
    </message>
    <message>
        <source>Send a sample callback</source>
        <translation>发送一个示例回调</translation>
    </message>
    <message>
        <source>Url for webhooks.yml</source>
        <translation>用于 webhooks.yml 的 url</translation>
    </message>
    <message>
        <source>Sample callback result</source>
        <translation>示例回调的结果</translation>
    </message>
    <message>
        <source>Copy the url for OpenIM&apos;s webhooks.yml</source>
        <translation>复制用于 OpenIM webhooks.yml 的 url</translation>
    </message>
    <message>
        <source>Post one sample callback (a single chat message) to this inspector, as OpenIM would, and see it arrive</source>
        <translation>像 OpenIM 那样向本检查器发送一个示例回调（一条单聊消息），并看着它到达</translation>
    </message>
    <message>
        <source>Put &lt;b&gt;url: %1&lt;/b&gt; in OpenIM&apos;s webhooks.yml.</source>
        <translation>在 OpenIM 的 webhooks.yml 中设置 &lt;b&gt;url: %1&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>The inspector is not listening: press Start Server.</source>
        <translation>检查器未在监听：请按“启动服务器”。</translation>
    </message>
    <message>
        <source>The sample callback was not answered: %1</source>
        <translation>示例回调没有得到应答：%1</translation>
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
    <message>
        <source>error: session %1</source>
        <translation>错误：会话 %1</translation>
    </message>
    <message>
        <source>error: the session file cannot be written: %1. Replies still leave (--on-journal-failure fail): captures are kept in memory only until it can be written again.</source>
        <translation>错误：无法写入会话文件：%1。应答仍会发出（--on-journal-failure fail）：在文件恢复可写之前，捕获只保存在内存中。</translation>
    </message>
    <message>
        <source>error: the session file cannot be written: %1. Replies wait until their captures are written (OpenIM may time out with 90004); retrying.</source>
        <translation>错误：无法写入会话文件：%1。应答会等到其捕获写入后才发出（OpenIM 可能以 90004 超时）；正在重试。</translation>
    </message>
    <message>
        <source>the session file is written again; nothing was lost</source>
        <translation>会话文件已恢复写入；没有丢失任何数据</translation>
    </message>
</context>
<context>
    <name>cbi::HeldWidget</name>
    <message>
        <source>Send &amp;Edited</source>
        <translation>发送编辑后的回复(&amp;E)</translation>
    </message>
    <message>
        <source>Send &amp;Rules&apos; Reply</source>
        <translation>发送规则的回复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Block 5001</source>
        <translation>拦截 5001(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Close Connection</source>
        <translation>关闭连接(&amp;C)</translation>
    </message>
    <message>
        <source>every callback</source>
        <translation>所有回调</translation>
    </message>
    <message>
        <source>Command to hold</source>
        <translation>要扣留的命令</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>扣留(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Stop Holding</source>
        <translation>停止扣留(&amp;S)</translation>
    </message>
    <message>
        <source>Commands being held</source>
        <translation>正在扣留的命令</translation>
    </message>
    <message>
        <source>Callbacks waiting for an answer</source>
        <translation>等待应答的回调</translation>
    </message>
    <message>
        <source>Reply to send</source>
        <translation>要发送的回复</translation>
    </message>
    <message>
        <source>Choose a command and press Hold: its callbacks then wait here for you to answer.</source>
        <translation>选择一个命令并按“扣留”：它的回调将在此等待您应答。</translation>
    </message>
    <message>
        <source>Reply body:</source>
        <translation>回复体：</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <source>OpenIM gave up %1 s ago</source>
        <translation>OpenIM 已在 %1 秒前放弃</translation>
    </message>
    <message>
        <source>Not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <source>The edited reply is not valid JSON (%1 at character %2): OpenIM cannot decode it and fails the call. Send it anyway?</source>
        <translation>编辑后的回复不是有效的 JSON（第 %2 个字符处：%1）：OpenIM 无法解码，调用会失败。仍要发送吗？</translation>
    </message>
    <message>
        <source>Stop holding the selected command, or every command when none is selected</source>
        <translation>停止扣留所选命令；未选择命令时停止扣留所有命令</translation>
    </message>
</context>
<context>
    <name>cbi::HoldFlow</name>
    <message>
        <source>&amp;Hold This Command</source>
        <translation>扣留此命令(&amp;H)</translation>
    </message>
    <message>
        <source>Next callbacks of this command wait for you to answer them in the Held panel</source>
        <translation>此命令之后的回调将在“已扣留”面板中等待您应答</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>正在扣留</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop holding: the next callbacks get the rules&apos; reply at once</source>
        <translation>停止扣留：之后的回调立即得到规则的应答</translation>
    </message>
    <message>
        <source>Stopped holding: callbacks get the rules&apos; reply again</source>
        <translation>已停止扣留：回调重新得到规则的应答</translation>
    </message>
    <message>
        <source>%1 is held: answer it in the Held panel before OpenIM gives up.</source>
        <translation>%1 已被扣留：请在 OpenIM 放弃之前于“已扣留”面板中应答。</translation>
    </message>
    <message>
        <source>Select a capture of the command to hold first.</source>
        <translation>请先选择要扣留的命令的一条捕获。</translation>
    </message>
    <message>
        <source>Holding %1: its next callbacks wait for you in the Held panel.</source>
        <translation>正在扣留 %1：它之后的回调将在“已扣留”面板中等待您。</translation>
    </message>
    <message>
        <source>No longer holding %1.</source>
        <translation>不再扣留 %1。</translation>
    </message>
    <message>
        <source>every callback</source>
        <translation>所有回调</translation>
    </message>
    <message>
        <source>Holding %1: its callbacks wait for your answer in the Held panel</source>
        <translation>正在扣留 %1：它的回调在“已扣留”面板中等待您应答</translation>
    </message>
    <message>
        <source>Holding %1, an after-callback: OpenIM does not read its reply, so holding it only keeps one of OpenIM&apos;s webhook workers waiting.</source>
        <translation>正在挂起 %1，这是后置回调：OpenIM 不读取它的回复，挂起它只会让 OpenIM 的一个 webhook 工作线程一直等待。</translation>
    </message>
    <message>
        <source>Holding %1</source>
        <translation>正在扣留 %1</translation>
    </message>
    <message numerus="yes">
        <source>Holding %n command(s)</source>
        <translation>
            <numerusform>正在扣留 %n 个命令</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cbi::JsonlWriter</name>
    <message numerus="yes">
        <source>warning: --jsonl: %n line(s) dropped while stdout was not read (the session file and the control API still have them)</source>
        <translation>
            <numerusform>警告：--jsonl：标准输出未被读取期间丢弃了 %n 行（会话文件和控制 API 中仍保留这些捕获）</numerusform>
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
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>&amp;Open Scenario...</source>
        <translation>打开场景(&amp;O)...</translation>
    </message>
    <message>
        <source>Answer callbacks with the rules of a scenario file</source>
        <translation>使用场景文件中的规则应答回调</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>场景文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Scenario not loaded</source>
        <translation>场景未加载</translation>
    </message>
    <message>
        <source>%1 cannot be used:
%2</source>
        <translation>无法使用 %1：
%2</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <source>Save Scenario &amp;As...</source>
        <translation>场景另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Save Scenario</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>场景文件 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Save Scenario</source>
        <translation>保存场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause Table</source>
        <translation>暂停表格(&amp;P)</translation>
    </message>
    <message>
        <source>Stop adding rows; the server keeps capturing and answering, and held rows appear on resume</source>
        <translation>停止添加行；服务器继续捕获并应答，恢复后显示暂存的行</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <source>Copy as c&amp;URL</source>
        <translation>复制为 cURL(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Add Rule...</source>
        <translation>添加规则(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Make Rule from Capture...</source>
        <translation>从捕获创建规则(&amp;M)...</translation>
    </message>
    <message>
        <source>&amp;Reset Sequences</source>
        <translation>重置序列(&amp;R)</translation>
    </message>
    <message>
        <source>Start every rule&apos;s reply sequence from its first reply again</source>
        <translation>让每条规则的应答序列从第一个应答重新开始</translation>
    </message>
    <message>
        <source>Listening — in webhooks.yml set url: %1</source>
        <translation>正在监听 — 在 webhooks.yml 中设置 url: %1</translation>
    </message>
    <message>
        <source> (reachable from other hosts)</source>
        <translation>（其他主机可访问）</translation>
    </message>
    <message>
        <source>Scenario not saved</source>
        <translation>场景未保存</translation>
    </message>
    <message>
        <source>%1 cannot be written:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <source>Unsaved rules</source>
        <translation>规则未保存</translation>
    </message>
    <message>
        <source>The rules have changed since they were last saved. Save them?</source>
        <translation>规则自上次保存后已更改。是否保存？</translation>
    </message>
    <message>
        <source>&amp;Export Captures...</source>
        <translation>导出捕获(&amp;E)...</translation>
    </message>
    <message>
        <source>Write the captures the filter shows as HAR, JSON, NDJSON, CSV or cURL</source>
        <translation>将筛选显示的捕获写为 HAR、JSON、NDJSON、CSV 或 cURL</translation>
    </message>
    <message>
        <source>&amp;Import Captures...</source>
        <translation>导入捕获(&amp;I)...</translation>
    </message>
    <message>
        <source>Add captures from a HAR, JSON or NDJSON file to the table</source>
        <translation>将 HAR、JSON 或 NDJSON 文件中的捕获加入表格</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API：%1</translation>
    </message>
    <message>
        <source>Scripts on this machine use the API without a token (docs/qa.md)</source>
        <translation>本机上的脚本无需令牌即可使用 API（见 docs/qa.md）</translation>
    </message>
    <message>
        <source>API token: %1 (send &quot;Authorization: Bearer %1&quot;)</source>
        <translation>API 令牌：%1（请发送 &quot;Authorization: Bearer %1&quot;）</translation>
    </message>
    <message>
        <source>P&amp;in Row</source>
        <translation>固定行(&amp;I)</translation>
    </message>
    <message>
        <source>Keep this capture in the table when the oldest rows are dropped</source>
        <translation>丢弃最早的行时保留此捕获</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every capture from the table? The session file keeps them.</source>
        <translation>从表格中移除所有捕获？会话文件中仍会保留。</translation>
    </message>
    <message>
        <source>%1 — OpenIM Callback Inspector</source>
        <translation>%1 — OpenIM 回调检查器</translation>
    </message>
    <message>
        <source>&amp;Replay to Business Server...</source>
        <translation>重放到业务服务器(&amp;R)...</translation>
    </message>
    <message>
        <source>Send this request again, as OpenIM would, to your own business server</source>
        <translation>像 OpenIM 一样把此请求再次发送到你的业务服务器</translation>
    </message>
    <message>
        <source>Import &amp;webhooks.yml...</source>
        <translation>导入 webhooks.yml(&amp;W)...</translation>
    </message>
    <message>
        <source>Use OpenIM&apos;s timeouts, and check its webhooks configuration against what arrives</source>
        <translation>使用 OpenIM 的超时设置，并将其 webhooks 配置与实际收到的回调对照检查</translation>
    </message>
    <message>
        <source>&amp;Generate webhooks.yml...</source>
        <translation>生成 webhooks.yml(&amp;G)...</translation>
    </message>
    <message>
        <source>Si&amp;mulate OpenIM...</source>
        <translation>模拟 OpenIM(&amp;M)...</translation>
    </message>
    <message>
        <source>Post a callback to your own business server as OpenIM would, and see what OpenIM would do</source>
        <translation>像 OpenIM 一样向你的业务服务器发送回调，并查看 OpenIM 将如何处理</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export Se&amp;lected Captures...</source>
        <translation>导出所选捕获(&amp;L)...</translation>
    </message>
    <message>
        <source>Export &amp;Whole Session...</source>
        <translation>导出整个会话(&amp;W)...</translation>
    </message>
    <message>
        <source>No session file is open.</source>
        <translation>没有打开的会话文件。</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Message &amp;Timeline</source>
        <translation>消息时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Every callback of this message (clientMsgID) or operation (operationID), in order</source>
        <translation>按顺序显示此消息（clientMsgID）或操作（operationID）的所有回调</translation>
    </message>
    <message>
        <source>C&amp;ompare Two Captures</source>
        <translation>比较两个捕获(&amp;O)</translation>
    </message>
    <message>
        <source>Select two rows (Ctrl+click) to see what differs between them</source>
        <translation>选择两行（Ctrl+单击）以查看它们的差异</translation>
    </message>
    <message>
        <source>Capture #%1 is hidden by the filter.</source>
        <translation>捕获 #%1 被筛选条件隐藏。</translation>
    </message>
    <message>
        <source>Select exactly two captures to compare (Ctrl+click the second).</source>
        <translation>请恰好选择两个捕获进行比较（Ctrl+单击第二个）。</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已扣留</translation>
    </message>
    <message>
        <source>The session file cannot be written: %1. Replies wait until their captures are written (OpenIM may time out with 90004); retrying.</source>
        <translation>无法写入会话文件：%1。应答会等到其捕获写入后才发出（OpenIM 可能以 90004 超时）；正在重试。</translation>
    </message>
    <message>
        <source>The session file is written again; nothing was lost</source>
        <translation>会话文件已恢复写入；没有丢失任何数据</translation>
    </message>
    <message>
        <source>W&amp;hy No Callback?...</source>
        <translation>为什么没有回调(&amp;H)?...</translation>
    </message>
    <message>
        <source>Which message callbacks a webhooks.yml lets through on each OpenIM version</source>
        <translation>webhooks.yml 在各 OpenIM 版本上会放行哪些消息回调</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Pick the callbacks OpenIM sends here: a webhooks.yml or its Docker env form</source>
        <translation>选择 OpenIM 发送到此处的回调：生成 webhooks.yml 或其 Docker 环境变量形式</translation>
    </message>
</context>
<context>
    <name>cbi::PaneNavigator</name>
    <message>
        <source>&amp;Go to Pane</source>
        <translation>转到窗格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Pane</source>
        <translation>上一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>%1 Dock</source>
        <translation>%1面板</translation>
    </message>
</context>
<context>
    <name>cbi::ReplayResultsDialog</name>
    <message>
        <source>Replay results</source>
        <translation>重放结果</translation>
    </message>
    <message>
        <source>Replays of this run, newest first</source>
        <translation>本次运行的重放，最新的在前</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>已发送的请求</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>What OpenIM would do</source>
        <translation>OpenIM 会怎么做</translation>
    </message>
    <message>
        <source>Re&amp;quest sent:</source>
        <translation>已发送的请求(&amp;Q)：</translation>
    </message>
    <message>
        <source>Re&amp;ply:</source>
        <translation>应答(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;History:</source>
        <translation>历史(&amp;H)：</translation>
    </message>
    <message>
        <source>#%1 error: %2</source>
        <translation>#%1 错误：%2</translation>
    </message>
    <message>
        <source>#%1 HTTP %2, %3</source>
        <translation>#%1 HTTP %2，%3</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Error after %1: %2</source>
        <translation>%1 后出错：%2</translation>
    </message>
    <message>
        <source>(no reply)</source>
        <translation>（无应答）</translation>
    </message>
    <message>
        <source>&lt;b&gt;OpenIM would:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;OpenIM 将：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>The body was edited before sending.</source>
        <translation>请求体在发送前被编辑过。</translation>
    </message>
</context>
<context>
    <name>cbi::Replayer</name>
    <message>
        <source>Business server URL</source>
        <translation>业务服务器 URL</translation>
    </message>
    <message>
        <source>The url of your business server, as in webhooks.yml:</source>
        <translation>你的业务服务器的 url（与 webhooks.yml 中相同）：</translation>
    </message>
    <message>
        <source>Request body to send</source>
        <translation>要发送的请求体</translation>
    </message>
    <message>
        <source>Body of capture #%1 (edit to send a variant):</source>
        <translation>捕获 #%1 的请求体（可编辑后发送变体）：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Replay to Business Server</source>
        <translation>重放到业务服务器</translation>
    </message>
    <message>
        <source>OpenIM would: %1</source>
        <translation>OpenIM 将：%1</translation>
    </message>
    <message numerus="yes">
        <source>Replay %n Captures to Business Server</source>
        <translation>
            <numerusform>向业务服务器重放 %n 条捕获</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaying captures...</source>
        <translation>正在重放捕获……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n capture(s) answered by %2.</source>
        <translation>
            <numerusform>%n 条捕获中有 %1 条得到了 %2 的回复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cbi::RuleEditorDialog</name>
    <message>
        <source>Edit Rule</source>
        <translation>编辑规则</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>规则名称</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>all conditions</source>
        <translation>全部条件</translation>
    </message>
    <message>
        <source>any condition</source>
        <translation>任一条件</translation>
    </message>
    <message>
        <source>then repeat the last reply</source>
        <translation>之后重复最后一个应答</translation>
    </message>
    <message>
        <source>then start over</source>
        <translation>之后从头开始</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>block (nextCode 1)</source>
        <translation>拦截 (nextCode 1)</translation>
    </message>
    <message>
        <source>rewrite fields</source>
        <translation>改写字段</translation>
    </message>
    <message>
        <source>error (non-zero actionCode)</source>
        <translation>错误（actionCode 非零）</translation>
    </message>
    <message>
        <source>custom body</source>
        <translation>自定义应答体</translation>
    </message>
    <message>
        <source>Reply fields as a JSON object, e.g. {&quot;content&quot;: &quot;{{request.content}}&quot;}</source>
        <translation>以 JSON 对象表示的应答字段，例如 {&quot;content&quot;: &quot;{{request.content}}&quot;}</translation>
    </message>
    <message>
        <source>Reply fields</source>
        <translation>应答字段</translation>
    </message>
    <message>
        <source>Custom body</source>
        <translation>自定义应答体</translation>
    </message>
    <message>
        <source>no delay</source>
        <translation>无延迟</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>uniform range</source>
        <translation>均匀区间</translation>
    </message>
    <message>
        <source>lognormal</source>
        <translation>对数正态</translation>
    </message>
    <message>
        <source>just past OpenIM&apos;s timeout</source>
        <translation>刚好超过 OpenIM 的超时</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>no fault</source>
        <translation>无故障</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>C&amp;ommand:</source>
        <translation>命令(&amp;O)：</translation>
    </message>
    <message>
        <source>Requires:</source>
        <translation>要求：</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Reply sequence</source>
        <translation>应答序列</translation>
    </message>
    <message>
        <source>Remove reply</source>
        <translation>移除应答</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>errCode:</source>
        <translation>errCode：</translation>
    </message>
    <message>
        <source>errMsg:</source>
        <translation>errMsg：</translation>
    </message>
    <message>
        <source>errDlt:</source>
        <translation>errDlt：</translation>
    </message>
    <message>
        <source>actionCode:</source>
        <translation>actionCode：</translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>应答体：</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>HTTP 状态码：</translation>
    </message>
    <message>
        <source>Fault:</source>
        <translation>故障：</translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation>应答次数：</translation>
    </message>
    <message>
        <source> call(s) in the sequence</source>
        <translation> 次调用（在序列中）</translation>
    </message>
    <message>
        <source>margin: replies after %1 ms</source>
        <translation>余量：在 %1 毫秒后应答</translation>
    </message>
    <message>
        <source>min, max</source>
        <translation>最小值，最大值</translation>
    </message>
    <message>
        <source>median, max, sigma</source>
        <translation>中位数，最大值，sigma</translation>
    </message>
    <message>
        <source>, delayed</source>
        <translation>，延迟</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>%1 rule</source>
        <translation>%1 规则</translation>
    </message>
    <message>
        <source>catch-all</source>
        <translation>通配</translation>
    </message>
    <message>
        <source>(fix the rule to see the verdict)</source>
        <translation>（修正规则后可查看判定）</translation>
    </message>
    <message>
        <source>Send this reply instead, record the real one</source>
        <translation>改为发送此回复，并记录真实回复</translation>
    </message>
    <message>
        <source>http://business-server:8080/callbackExample (empty: answer here)</source>
        <translation>http://business-server:8080/callbackExample（留空：由本工具回复）</translation>
    </message>
    <message>
        <source>Forward mode: pass the callback to your real business server and return its reply; the capture records both</source>
        <translation>转发模式：将回调转发给真实的业务服务器并返回其回复；捕获中会记录两者</translation>
    </message>
    <message>
        <source>Forward to URL</source>
        <translation>转发目标 URL</translation>
    </message>
    <message>
        <source>Forward to:</source>
        <translation>转发到：</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Delay in milliseconds</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <source>Add &amp;reply</source>
        <translation>添加应答(&amp;R)</translation>
    </message>
    <message>
        <source>Answer the next calls differently: a sequence such as block 3 times, then continue</source>
        <translation>让后续调用得到不同的应答：例如先拦截 3 次，然后继续</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>延迟(&amp;D)：</translation>
    </message>
    <message>
        <source>What OpenIM will do</source>
        <translation>OpenIM 将如何处理</translation>
    </message>
    <message>
        <source>Before callbacks: OpenIM waits for the reply</source>
        <translation>前置回调：OpenIM 等待应答</translation>
    </message>
    <message>
        <source>After callbacks: OpenIM does not read the reply</source>
        <translation>后置回调：OpenIM 不读取应答</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
</context>
<context>
    <name>cbi::RulePrediction</name>
    <message>
        <source>Predicted verdict</source>
        <translation>预测的判定</translation>
    </message>
    <message>
        <source>%1: no match → %2.</source>
        <translation>%1：不匹配 → %2。</translation>
    </message>
    <message>
        <source>%1: the reply leaves after %2 ms, but OpenIM waits only %3: it gives up → %4.</source>
        <translation>%1：应答在 %2 毫秒后才发出，但 OpenIM 只等待 %3：它会放弃 → %4。</translation>
    </message>
    <message>
        <source>%1: %2 after %3 ms (OpenIM waits %4).</source>
        <translation>%1：%3 毫秒后 %2（OpenIM 等待 %4）。</translation>
    </message>
    <message>
        <source>%1: %2 at once (OpenIM waits %3).</source>
        <translation>%1：立即 %2（OpenIM 等待 %3）。</translation>
    </message>
    <message>
        <source>On capture #%1</source>
        <translation>在捕获 #%1 上</translation>
    </message>
    <message>
        <source>On the capture</source>
        <translation>在该捕获上</translation>
    </message>
    <message>
        <source>On the sample</source>
        <translation>在示例请求上</translation>
    </message>
</context>
<context>
    <name>cbi::RulesWidget</name>
    <message>
        <source>OpenIM %1</source>
        <translation>OpenIM %1</translation>
    </message>
    <message>
        <source>The OpenIM version whose rules the verdict follows</source>
        <translation>判定所依据的 OpenIM 版本</translation>
    </message>
    <message>
        <source>OpenIM version profile</source>
        <translation>OpenIM 版本配置</translation>
    </message>
    <message>
        <source>Rules, first match answers</source>
        <translation>规则（第一个匹配的规则应答）</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>添加(&amp;A)...</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)...</translation>
    </message>
    <message>
        <source>Edit the selected rule</source>
        <translation>编辑所选规则</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>移除所选规则</translation>
    </message>
    <message>
        <source>Try this rule earlier</source>
        <translation>提前尝试此规则</translation>
    </message>
    <message>
        <source>Try this rule later</source>
        <translation>推后尝试此规则</translation>
    </message>
    <message>
        <source>Untitled scenario</source>
        <translation>未命名场景</translation>
    </message>
    <message>
        <source> (modified)</source>
        <translation>（已修改）</translation>
    </message>
    <message>
        <source>No rules: every callback gets the continue reply.</source>
        <translation>没有规则：所有回调都得到继续应答。</translation>
    </message>
    <message>
        <source> (changed by the control API)</source>
        <translation>（已被控制 API 修改）</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>版本配置 %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>any command</source>
        <translation>任意命令</translation>
    </message>
    <message>
        <source>Enabled: uncheck to keep the rule but not serve it</source>
        <translation>已启用：取消勾选可保留规则但不再生效</translation>
    </message>
    <message>
        <source>Disabled: not served; check to serve it again</source>
        <translation>已停用：不生效；勾选后重新生效</translation>
    </message>
</context>
<context>
    <name>cbi::ScenarioRun</name>
    <message>
        <source>warning: the scenario has no &quot;expect&quot; section: nothing will be checked</source>
        <translation>警告：场景没有 &quot;expect&quot; 部分：不会检查任何内容</translation>
    </message>
    <message>
        <source>error: cannot listen on %1 port %2: %3</source>
        <translation>错误：无法在 %1 端口 %2 上监听：%3</translation>
    </message>
    <message>
        <source>capturing until Ctrl+C (give --exec, --count or --duration to stop by itself)</source>
        <translation>持续捕获直到按下 Ctrl+C（指定 --exec、--count 或 --duration 可自动停止）</translation>
    </message>
    <message>
        <source>test driver: %1</source>
        <translation>测试驱动程序：%1</translation>
    </message>
    <message>
        <source>did not finish within %1 ms</source>
        <translation>未在 %1 毫秒内结束</translation>
    </message>
    <message>
        <source>could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>capture count</source>
        <translation>捕获数量</translation>
    </message>
    <message>
        <source>expected %1 callbacks within %2 ms, got %3</source>
        <translation>期望在 %2 毫秒内收到 %1 个回调，实际 %3 个</translation>
    </message>
    <message>
        <source>error: cannot write the JUnit report %1: %2</source>
        <translation>错误：无法写入 JUnit 报告 %1：%2</translation>
    </message>
</context>
<context>
    <name>cbi::ServerToolBar</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>127.0.0.1 for this machine only; 0.0.0.0 to accept OpenIM from other hosts</source>
        <translation>127.0.0.1 仅限本机；0.0.0.0 可接受来自其他主机的 OpenIM</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Base path</source>
        <translation>基础路径</translation>
    </message>
    <message>
        <source> Listen </source>
        <translation> 监听 </translation>
    </message>
    <message>
        <source> : </source>
        <translation> : </translation>
    </message>
    <message>
        <source> Path </source>
        <translation> 路径 </translation>
    </message>
    <message>
        <source>&amp;Start Server</source>
        <translation>启动服务器(&amp;S)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).</source>
        <translation>“%1”不是 IP 地址（例如 127.0.0.1 或 0.0.0.0）。</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <source>Copy the url for OpenIM&apos;s webhooks.yml</source>
        <translation>复制用于 OpenIM webhooks.yml 的 url</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Another program (or another inspector) may be using the port: choose another port and press Start.</source>
        <translation>无法在 %1 端口 %2 上监听：%3。可能有其他程序（或另一个检查器）正在使用该端口：请选择其他端口并点击启动。</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Plain HTTP. Click to serve HTTPS with a certificate and key</source>
        <translation>普通 HTTP。点击以使用证书和私钥提供 HTTPS</translation>
    </message>
    <message>
        <source>HTTPS with %1 and %2. Click to change</source>
        <translation>HTTPS，使用 %1 和 %2。点击以更改</translation>
    </message>
    <message>
        <source>&amp;Stop Server</source>
        <translation>停止服务器(&amp;S)</translation>
    </message>
</context>
<context>
    <name>cbi::ServingScenario</name>
    <message>
        <source>error: scenario %1: %2</source>
        <translation>错误：场景 %1：%2</translation>
    </message>
    <message>
        <source>error: webhooks %1</source>
        <translation>错误：webhooks %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>notice: scenario %1: %2</source>
        <translation>提示：场景 %1：%2</translation>
    </message>
</context>
<context>
    <name>cbi::SessionMenu</name>
    <message>
        <source>&amp;New Session...</source>
        <translation>新建会话(&amp;N)...</translation>
    </message>
    <message>
        <source>New Session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <source>Session files (*.cbisession *.db)</source>
        <translation>会话文件 (*.cbisession *.db)</translation>
    </message>
    <message>
        <source>Save Session &amp;As...</source>
        <translation>会话另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation>会话另存为</translation>
    </message>
    <message>
        <source>Session not saved</source>
        <translation>会话未保存</translation>
    </message>
    <message>
        <source>Open &amp;Session...</source>
        <translation>打开会话(&amp;S)...</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Session files (*.cbisession *.db);;All files (*)</source>
        <translation>会话文件 (*.cbisession *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Recent Sessions</source>
        <translation>最近的会话</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Session not opened</source>
        <translation>会话未打开</translation>
    </message>
    <message>
        <source>%1 (unreadable)</source>
        <translation>%1（无法读取）</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n capture(s)</source>
        <translation>
            <numerusform>%1 · %n 个捕获</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cbi::SettingsMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
</context>
<context>
    <name>cbi::Simulator</name>
    <message>
        <source>error: cannot read %1: %2</source>
        <translation>错误：无法读取 %1：%2</translation>
    </message>
    <message>
        <source>error: unknown command %1: give --body FILE</source>
        <translation>错误：未知命令 %1：请指定 --body FILE</translation>
    </message>
    <message>
        <source>error: no capture %1 in %2</source>
        <translation>错误：%2 中没有捕获 %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>skipped %1: OpenIM %2 never sends it</source>
        <translation>已跳过 %1：OpenIM %2 从不发送它</translation>
    </message>
    <message>
        <source>error: OpenIM %1 never sends %2: choose another --profile</source>
        <translation>错误：OpenIM %1 从不发送 %2：请选择其他 --profile</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) sent: %1</source>
        <translation>
            <numerusform>已发送 %n 次调用：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cbi::SimulatorDialog</name>
    <message>
        <source>Simulate OpenIM</source>
        <translation>模拟 OpenIM</translation>
    </message>
    <message>
        <source>Business server url</source>
        <translation>业务服务器 url</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>OpenIM %1</source>
        <translation>OpenIM %1</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>As in webhooks.yml; OpenIM&apos;s client gives up after 15 s whatever this says</source>
        <translation>与 webhooks.yml 中相同；无论此处设置多少，OpenIM 的客户端都会在 15 秒后放弃</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Business server &amp;url:</source>
        <translation>业务服务器 url(&amp;U)：</translation>
    </message>
    <message>
        <source>C&amp;ommand:</source>
        <translation>命令(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Request body (the catalogue&apos;s sample; edit it freely):</source>
        <translation>请求体（目录中的示例；可自由编辑）：</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>应答：</translation>
    </message>
    <message>
        <source>POST %1 (%2 ms)</source>
        <translation>POST %1（%2 毫秒）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;OpenIM would:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;OpenIM 将：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>版本配置 %1</translation>
    </message>
    <message>
        <source>OpenIM %1 never sends %2.</source>
        <translation>OpenIM %1 从不发送 %2。</translation>
    </message>
    <message numerus="yes">
        <source>OpenIM %1 sends this callback once per member: the sample makes %n call(s), this is the first.</source>
        <translation>
            <numerusform>OpenIM %1 对每个成员各发送一次此回调：示例共产生 %n 次调用，这是第一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS：</translation>
    </message>
    <message>
        <source>Sending to %1 ...</source>
        <translation>正在发送到 %1 ...</translation>
    </message>
</context>
<context>
    <name>cbi::StatisticsWidget</name>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Callbacks per command and what OpenIM did</source>
        <translation>每个命令的回调数以及 OpenIM 的处理结果</translation>
    </message>
    <message>
        <source>(no command)</source>
        <translation>（无命令）</translation>
    </message>
    <message>
        <source>Callbacks per second, last 2 minutes</source>
        <translation>每秒回调数（最近 2 分钟）</translation>
    </message>
    <message>
        <source>How long OpenIM waited for the reply</source>
        <translation>OpenIM 等待回复的时长</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Mean delay of the replies, in ms</source>
        <translation>应答的平均延迟（毫秒）</translation>
    </message>
    <message>
        <source>All commands</source>
        <translation>所有命令</translation>
    </message>
    <message>
        <source>%d s</source>
        <translation>%d s</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Waited at most (ms)</source>
        <translation>最长等待（毫秒）</translation>
    </message>
    <message>
        <source>more</source>
        <translation>更长</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message numerus="yes">
        <source>This second: %n callback(s)</source>
        <translation>
            <numerusform>本秒：%n 个回调</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 s ago: %n callback(s)</source>
        <translation>
            <numerusform>%1 秒前：%n 个回调</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n callback(s)</source>
        <translation>
            <numerusform>%1：%n 个回调</numerusform>
        </translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>超过 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>最多 %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message numerus="yes">
        <source>Waited %1: %n callback(s), %2 %</source>
        <translation>
            <numerusform>等待 %1：%n 个回调，占 %2 %</numerusform>
        </translation>
    </message>
    <message>
        <source>p%1 %2</source>
        <translation>p%1 %2</translation>
    </message>
    <message>
        <source>not a callback</source>
        <translation>不是回调</translation>
    </message>
</context>
<context>
    <name>cbi::TimelineDialog</name>
    <message>
        <source>Timeline of operation %1</source>
        <translation>操作 %1 的时间线</translation>
    </message>
    <message>
        <source>Timeline of message %1</source>
        <translation>消息 %1 的时间线</translation>
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
        <source>After first</source>
        <translation>距第一个</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>OpenIM will</source>
        <translation>OpenIM 将</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Callbacks of this message or operation</source>
        <translation>此消息或操作的回调</translation>
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
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 毫秒</translation>
    </message>
    <message>
        <source>Callbacks with the same clientMsgID or operationID, in the order they arrived. Activate a row to select it in the table.</source>
        <translation>具有相同 clientMsgID 或 operationID 的回调，按到达顺序排列。激活一行可在表格中选中它。</translation>
    </message>
</context>
<context>
    <name>cbi::TlsDialog</name>
    <message>
        <source>Serve &amp;HTTPS</source>
        <translation>提供 HTTPS(&amp;H)</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>证书(&amp;C)：</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM 私钥 (*.pem *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>OpenIM then needs url: https://... in webhooks.yml and must trust the certificate (a self-signed one: add it to OpenIM&apos;s CA store).</source>
        <translation>此时 OpenIM 需要在 webhooks.yml 中设置 url: https://...，并且必须信任该证书（自签名证书：请将其加入 OpenIM 的 CA 存储）。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>选择 PEM 文件</translation>
    </message>
    <message>
        <source>HTTPS needs both the certificate and its private key.</source>
        <translation>HTTPS 需要同时提供证书和私钥。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Browse for the certificate</source>
        <translation>浏览证书文件</translation>
    </message>
    <message>
        <source>Browse for the private key</source>
        <translation>浏览私钥文件</translation>
    </message>
</context>
<context>
    <name>cbi::TlsOptionsWidget</name>
    <message>
        <source>&amp;Verify the certificate (https://), as OpenIM does</source>
        <translation>校验证书（https://），与 OpenIM 一致(&amp;V)</translation>
    </message>
    <message>
        <source>OpenIM checks the business server&apos;s certificate against the system&apos;s CAs and the host name; a certificate it would refuse fails here too (90004). Turn off to try a server whose certificate OpenIM would not accept yet.</source>
        <translation>OpenIM 会按系统 CA 和主机名校验业务服务器的证书；它会拒绝的证书在这里同样失败（90004）。关闭此项可试用 OpenIM 尚不接受其证书的服务器。</translation>
    </message>
    <message>
        <source>Also trust this CA (PEM), e.g. a self-signed certificate</source>
        <translation>另外信任此 CA（PEM），例如自签名证书</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>cbi::Transfer</name>
    <message>
        <source>error: cannot write %1: %2</source>
        <translation>错误：无法写入 %1：%2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>exported %n capture(s)</source>
        <translation>
            <numerusform>已导出 %n 个捕获</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>imported %n capture(s) into %1</source>
        <translation>
            <numerusform>已将 %n 个捕获导入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>error: %n row(s) of %1 could not be read (damaged); they are not in the export</source>
        <translation>
            <numerusform>错误：%1 中有 %n 行无法读取（已损坏）；它们不在导出结果中</numerusform>
        </translation>
    </message>
    <message>
        <source>error: cannot import %1: %2</source>
        <translation>错误：无法导入 %1：%2</translation>
    </message>
    <message>
        <source>error: the session file %1 cannot be written: %2; nothing was imported</source>
        <translation>错误：无法写入会话文件 %1：%2；未导入任何内容</translation>
    </message>
</context>
<context>
    <name>cbi::WebhooksDialog</name>
    <message>
        <source>&amp;Message</source>
        <translation>消息(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;User and friend</source>
        <translation>用户和好友(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>群组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Before</source>
        <translation>前置(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>后置(&amp;A)</translation>
    </message>
    <message>
        <source>Generate webhooks.yml</source>
        <translation>生成 webhooks.yml</translation>
    </message>
    <message>
        <source>OpenIM %1</source>
        <translation>OpenIM %1</translation>
    </message>
    <message>
        <source>OpenIM version</source>
        <translation>OpenIM 版本</translation>
    </message>
    <message>
        <source>Commands to enable</source>
        <translation>要启用的命令</translation>
    </message>
    <message>
        <source>webhooks.yml</source>
        <translation>webhooks.yml</translation>
    </message>
    <message>
        <source>Docker environment</source>
        <translation>Docker 环境变量</translation>
    </message>
    <message>
        <source>Docker env</source>
        <translation>Docker 环境变量</translation>
    </message>
    <message>
        <source>OpenIM &amp;version:</source>
        <translation>OpenIM 版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Enable:</source>
        <translation>启用：</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the text of the tab in front</source>
        <translation>复制当前标签页的文本</translation>
    </message>
    <message>
        <source>Url: %1 (without failedContinue, which these versions ignore)</source>
        <translation>Url：%1（不含 failedContinue，这些版本会忽略它）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Environment files (*.env);;All files (*)</source>
        <translation>环境变量文件 (*.env);;所有文件 (*)</translation>
    </message>
    <message>
        <source>YAML (*.yml *.yaml)</source>
        <translation>YAML (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写入</translation>
    </message>
    <message>
        <source>%1 cannot be written:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
</context>
<context>
    <name>cbi::WebhooksTool</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>url: %1</source>
        <translation>url：%1</translation>
    </message>
    <message>
        <source>layout: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>enabled (%1):</source>
        <translation>已启用（%1）：</translation>
    </message>
    <message>
        <source>mistake: %1</source>
        <translation>配置问题：%1</translation>
    </message>
    <message>
        <source>enabled but silent: %1 never arrived in the session</source>
        <translation>已启用但未收到：会话中从未出现 %1</translation>
    </message>
    <message>
        <source>arrived but disabled: %1 came although the config disables it (another config in use?)</source>
        <translation>已禁用却收到：配置禁用了 %1，但它仍然到达（是否在使用其他配置？）</translation>
    </message>
    <message>
        <source>error: no command matches %1 (all, before, after, or command names separated by commas)</source>
        <translation>错误：没有命令匹配 %1（all、before、after，或以逗号分隔的命令名）</translation>
    </message>
    <message>
        <source>version: OpenIM %1 (%2 callbacks)</source>
        <translation>版本：OpenIM %1（%2 个回调）</translation>
    </message>
    <message>
        <source>version: OpenIM %1</source>
        <translation>版本：OpenIM %1</translation>
    </message>
    <message>
        <source>fails to load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>ignored: %1</source>
        <translation>被忽略：%1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>OpenIM %1, contentType %2, sessionType %3%4</source>
        <translation>OpenIM %1，contentType %2，sessionType %3%4</translation>
    </message>
    <message>
        <source>, notification</source>
        <translation>，通知</translation>
    </message>
    <message>
        <source>error: OpenIM %1 reads the callback: section of config.yaml, not webhooks.yml; generate writes webhooks.yml for v3.7 and later</source>
        <translation>错误：OpenIM %1 读取 config.yaml 的 callback: 部分，而不是 webhooks.yml；generate 只为 v3.7 及以后的版本生成 webhooks.yml</translation>
    </message>
</context>
<context>
    <name>cbi::WebhooksVersionCheck</name>
    <message>
        <source>OpenIM %1 reads the callback: section of config.yaml, not webhooks.yml: this file has no effect there</source>
        <translation>OpenIM %1 读取 config.yaml 的 callback: 部分，而不是 webhooks.yml：此文件在该版本上不起作用</translation>
    </message>
    <message>
        <source>OpenIM %1 reads config/webhooks.yml: the callback: section of an old config.yaml has no effect there</source>
        <translation>OpenIM %1 读取 config/webhooks.yml：旧 config.yaml 的 callback: 部分在该版本上不起作用</translation>
    </message>
    <message>
        <source>%1: OpenIM %2 has no %3 callback; the key is ignored</source>
        <translation>%1：OpenIM %2 没有 %3 回调；此键被忽略</translation>
    </message>
    <message>
        <source> (the unreleased 3.8.3-patch branch backports it)</source>
        <translation>（尚未发布的 3.8.3-patch 分支向后移植了它）</translation>
    </message>
    <message>
        <source>%1: main has no allowedTypes (only deniedTypes); the list is ignored</source>
        <translation>%1：main 没有 allowedTypes（只有 deniedTypes）；此列表被忽略</translation>
    </message>
    <message>
        <source>%1: OpenIM %2 does not filter this callback by allowedTypes; the list is ignored</source>
        <translation>%1：OpenIM %2 不按 allowedTypes 过滤此回调；此列表被忽略</translation>
    </message>
    <message>
        <source>%1: deniedTypes item &quot;%2&quot; is not a number; main reads deniedTypes as int32 and fails to load webhooks.yml (inference: mapstructure weak decoding)</source>
        <translation>%1：deniedTypes 项“%2”不是数字；main 将 deniedTypes 读作 int32，会无法加载 webhooks.yml（推断：mapstructure 弱类型解码）</translation>
    </message>
    <message>
        <source>%1: main filters only message callbacks by deniedTypes; the list is ignored</source>
        <translation>%1：main 只按 deniedTypes 过滤消息回调；此列表被忽略</translation>
    </message>
    <message>
        <source>%1: OpenIM %2 does not filter this callback by deniedTypes; the list is ignored</source>
        <translation>%1：OpenIM %2 不按 deniedTypes 过滤此回调；此列表被忽略</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither a content type nor a range such as &quot;200-500&quot;; OpenIM skips it</source>
        <translation>%1：“%2”既不是内容类型，也不是“200-500”这样的范围；OpenIM 会跳过它</translation>
    </message>
    <message>
        <source>%1: OpenIM %2 does not filter this callback by attentionIds; the list is ignored</source>
        <translation>%1：OpenIM %2 不按 attentionIds 过滤此回调；此列表被忽略</translation>
    </message>
    <message>
        <source>%1: main matches attentionIds against recvID, which is empty for group messages: no afterSendGroupMsg is sent (inference)</source>
        <translation>%1：main 用 recvID 匹配 attentionIds，而群消息的 recvID 为空：不会发送任何 afterSendGroupMsg（推断）</translation>
    </message>
    <message>
        <source>%1: attentionIds match the sender only, as a group message has no recvID</source>
        <translation>%1：群消息没有 recvID，因此 attentionIds 只匹配发送者</translation>
    </message>
    <message>
        <source>failedContinue (%1): read but ignored by OpenIM %2 (issue #3808); a timeout or a bad reply always fails a before-callback</source>
        <translation>failedContinue（%1）：OpenIM %2 会读取但忽略它（issue #3808）；超时或错误应答总会使前置回调失败</translation>
    </message>
</context>
<context>
    <name>cbi::WhyDialog</name>
    <message>
        <source>Sent by OpenIM as a &amp;notification</source>
        <translation>由 OpenIM 作为通知发送(&amp;N)</translation>
    </message>
    <message>
        <source>Why No Callback?</source>
        <translation>为什么没有回调？</translation>
    </message>
    <message>
        <source>&amp;Choose...</source>
        <translation>选择(&amp;C)...</translation>
    </message>
    <message>
        <source>OpenIM %1</source>
        <translation>OpenIM %1</translation>
    </message>
    <message>
        <source>101 text, 102 picture, 113 typing, 1000-5000 notifications</source>
        <translation>101 文本，102 图片，113 正在输入，1000-5000 通知</translation>
    </message>
    <message>
        <source>1 single chat</source>
        <translation>1 单聊</translation>
    </message>
    <message>
        <source>3 group chat</source>
        <translation>3 群聊</translation>
    </message>
    <message>
        <source>4 notification chat</source>
        <translation>4 通知会话</translation>
    </message>
    <message>
        <source>sender&apos;s user ID</source>
        <translation>发送者的用户 ID</translation>
    </message>
    <message>
        <source>receiver&apos;s user ID (single chats)</source>
        <translation>接收者的用户 ID（单聊）</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>回调</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>webhooks.yml:</source>
        <translation>webhooks.yml：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation>内容类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Session type:</source>
        <translation>会话类型(&amp;S)：</translation>
    </message>
    <message>
        <source>Se&amp;nder:</source>
        <translation>发送者(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Receiver:</source>
        <translation>接收者(&amp;R)：</translation>
    </message>
    <message>
        <source>What this version makes of the file:</source>
        <translation>此版本如何对待这个文件：</translation>
    </message>
    <message>
        <source>(none: choose OpenIM&apos;s webhooks.yml)</source>
        <translation>（无：请选择 OpenIM 的 webhooks.yml）</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <source>OpenIM&apos;s webhooks.yml</source>
        <translation>OpenIM 的 webhooks.yml</translation>
    </message>
    <message>
        <source>OpenIM configuration (*.yml *.yaml);;All files (*)</source>
        <translation>OpenIM 配置 (*.yml *.yaml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>fires</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>does not fire</source>
        <translation>不触发</translation>
    </message>
    <message>
        <source>Fails to load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>Ignored: %1</source>
        <translation>被忽略：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Nothing this version fails to load or ignores.</source>
        <translation>此版本没有无法加载或忽略的设置。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No display found (DISPLAY and WAYLAND_DISPLAY are empty): serving headless. Stop with Ctrl+C.</source>
        <translation>未找到显示器（DISPLAY 和 WAYLAND_DISPLAY 均为空）：以无界面方式提供服务。按 Ctrl+C 停止。</translation>
    </message>
</context>
</TS>
