<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AccessibleDescriptions</name>
    <message>
        <source>The latest message about training: what happened and what to try</source>
        <translation>훈련에 관한 최근 메시지: 무슨 일이 있었고 무엇을 해 볼지</translation>
    </message>
    <message>
        <source>Arrow keys move between drawings, Shift with an arrow selects several, Delete deletes them and Ctrl+Z brings them back; the Move to button moves them to another class</source>
        <translation>화살표 키로 그림 사이를 이동하고, Shift와 화살표로 여러 개를 선택하며, Delete로 지우고 Ctrl+Z로 되돌립니다. &apos;이동&apos; 버튼은 다른 클래스로 옮깁니다</translation>
    </message>
    <message>
        <source>Arrow keys move between the colours; Space chooses one</source>
        <translation>화살표 키로 색 사이를 이동하고, 스페이스로 하나를 고릅니다</translation>
    </message>
    <message>
        <source>Arrow keys change the hue and saturation</source>
        <translation>화살표 키로 색상과 채도를 바꿉니다</translation>
    </message>
    <message>
        <source>Up and Down arrow keys change the brightness</source>
        <translation>위아래 화살표 키로 밝기를 바꿉니다</translation>
    </message>
    <message>
        <source>Left and Right arrow keys switch the tab</source>
        <translation>왼쪽·오른쪽 화살표 키로 탭을 바꿉니다</translation>
    </message>
    <message>
        <source>Up and Down arrow keys change the value, or type a new one</source>
        <translation>위아래 화살표 키로 값을 바꾸거나 새 값을 입력합니다</translation>
    </message>
    <message>
        <source>Up and Down arrow keys choose; Alt+Down opens the list</source>
        <translation>위아래 화살표 키로 고르고, Alt+아래 화살표로 목록을 엽니다</translation>
    </message>
    <message>
        <source>Space ticks or clears it</source>
        <translation>스페이스로 선택하거나 해제합니다</translation>
    </message>
    <message>
        <source>Space presses it</source>
        <translation>스페이스로 누릅니다</translation>
    </message>
    <message>
        <source>Arrow keys change the value</source>
        <translation>화살표 키로 값을 바꿉니다</translation>
    </message>
    <message>
        <source>Type the text</source>
        <translation>텍스트를 입력합니다</translation>
    </message>
    <message>
        <source>Arrow and Page keys move through the text</source>
        <translation>화살표 키와 Page 키로 텍스트를 이동합니다</translation>
    </message>
    <message>
        <source>Arrow keys move from item to item; Ctrl+C copies the current one</source>
        <translation>화살표 키로 항목 사이를 이동하고, Ctrl+C로 현재 항목을 복사합니다</translation>
    </message>
    <message>
        <source>Arrow and Page keys scroll it</source>
        <translation>화살표 키와 Page 키로 스크롤합니다</translation>
    </message>
    <message>
        <source>Text that can be selected and copied</source>
        <translation>선택하고 복사할 수 있는 텍스트</translation>
    </message>
</context>
<context>
    <name>AccessibleNames</name>
    <message>
        <source>Training message</source>
        <translation>학습 메시지</translation>
    </message>
    <message>
        <source>Gallery: every drawing in the dataset, by class</source>
        <translation>갤러리: 데이터셋의 모든 그림, 클래스별</translation>
    </message>
    <message>
        <source>Weights per layer of the network</source>
        <translation>신경망의 층별 가중치 수</translation>
    </message>
    <message>
        <source>Your 3 by 3 kernel (editable numbers)</source>
        <translation>직접 만든 3행 3열 커널 (숫자 편집 가능)</translation>
    </message>
    <message>
        <source>The 5 by 5 input image (editable numbers)</source>
        <translation>5행 5열 입력 이미지 (숫자 편집 가능)</translation>
    </message>
    <message>
        <source>The 3 by 3 filter (editable numbers)</source>
        <translation>3행 3열 필터 (숫자 편집 가능)</translation>
    </message>
    <message>
        <source>The 1-D signal (editable numbers)</source>
        <translation>1차원 신호 (숫자 편집 가능)</translation>
    </message>
    <message>
        <source>The 1-D kernel (editable numbers)</source>
        <translation>1차원 커널 (숫자 편집 가능)</translation>
    </message>
    <message>
        <source>The 1-D convolution&apos;s output</source>
        <translation>1차원 합성곱의 출력</translation>
    </message>
    <message>
        <source>The 2-D convolution&apos;s output</source>
        <translation>2차원 합성곱의 출력</translation>
    </message>
    <message>
        <source>Back-propagation, number by number</source>
        <translation>역전파, 숫자 하나하나</translation>
    </message>
    <message>
        <source>Hue and saturation</source>
        <translation>색상과 채도</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>밝기</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Epoch {epoch} of {total} done</source>
        <translation>에포크 {epoch}/{total} 완료</translation>
    </message>
    <message>
        <source>: validation accuracy {percent} percent</source>
        <translation>: 검증 정확도 {percent}퍼센트</translation>
    </message>
    <message>
        <source>: training accuracy {percent} percent</source>
        <translation>: 학습 정확도 {percent}퍼센트</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>학습 완료</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>학습 중지됨</translation>
    </message>
    <message>
        <source>Training paused</source>
        <translation>학습 일시 정지됨</translation>
    </message>
</context>
<context>
    <name>ScreenActions</name>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>발표자 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with the canvas, the prediction and the live plots only, in large type (Esc or F5 leaves)</source>
        <translation>캔버스, 예측, 실시간 그래프만 큰 글씨로 전체 화면에 보여 줍니다 (Esc 또는 F5로 나가기)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>Full screen on or off for the window in front (F11 again leaves)</source>
        <translation>맨 앞 창의 전체 화면을 켜거나 끕니다 (F11을 다시 누르면 나가기)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text and lines in every window</source>
        <translation>모든 창의 글자와 선을 크게</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text and lines in every window</source>
        <translation>모든 창의 글자와 선을 작게</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom back to 100 %</source>
        <translation>100 %로 되돌리기</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>The language changes when ShapeLab starts again.</source>
        <translation>ShapeLab을 다시 시작하면 언어가 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>ScreenModes</name>
    <message>
        <source>Presenter mode — Esc or F5 to leave · Ctrl+T train · Ctrl+P pause · Ctrl+= / Ctrl+- zoom</source>
        <translation>발표자 모드 — Esc 또는 F5로 나가기 · Ctrl+T 학습 · Ctrl+P 일시 정지 · Ctrl+= / Ctrl+- 확대/축소</translation>
    </message>
    <message>
        <source>Leave presenter mode</source>
        <translation>발표자 모드 나가기</translation>
    </message>
</context>
</TS>
