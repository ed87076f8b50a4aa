<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AccessibleDescriptions</name>
    <message>
        <source>The latest message about training: what happened and what to try</source>
        <translation>학습에 관한 최근 메시지: 무슨 일이 있었고 무엇을 해 볼지</translation>
    </message>
    <message>
        <source>Arrow keys move between drawings, Shift with an arrow selects several, Delete deletes them and Ctrl+Z brings them back; the Move to button moves them to another class</source>
        <translation>화살표 키로 그림 사이를 이동하고, Shift와 화살표로 여러 개를 선택하며, Delete로 지우고 Ctrl+Z로 되돌립니다. &apos;옮기기&apos; 버튼은 다른 클래스로 옮깁니다</translation>
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
    <message>
        <source>{value} page</source>
        <translation>{value} 페이지</translation>
    </message>
    <message>
        <source>{value}: choices</source>
        <translation>{value}: 선택 항목</translation>
    </message>
    <message>
        <source>{value} tabs: {tabs}</source>
        <translation>탭 {value}개: {tabs}</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <source>Save panel as PNG…</source>
        <translation>패널을 PNG로 저장…</translation>
    </message>
    <message>
        <source>Save plotted data as CSV…</source>
        <translation>그래프 데이터를 CSV로 저장…</translation>
    </message>
    <message>
        <source>Copy numbers</source>
        <translation>숫자 복사</translation>
    </message>
    <message>
        <source>Save panel as PNG</source>
        <translation>패널을 PNG로 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Save data as CSV</source>
        <translation>데이터를 CSV로 저장</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Which model these numbers come from: untrained (random weights), after which epoch
of which run, or loaded from which file.</source>
        <translation>이 숫자들이 어느 모델에서 나왔는지: 학습 전(무작위 가중치)인지, 어느 실행의 몇 번째
에포크 뒤인지, 어느 파일에서 불러왔는지.</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>아직 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Train the network now</source>
        <translation>지금 신경망 학습하기</translation>
    </message>
    <message>
        <source>Start training in the main window (the same as its Train button)</source>
        <translation>메인 창에서 학습 시작 (메인 창의 학습 버튼과 같음)</translation>
    </message>
    <message>
        <source>Computed for: {own}.</source>
        <translation>계산 대상: {own}.</translation>
    </message>
    <message>
        <source>Older result, computed for: {own}. The newest model ({current}) is being analysed.</source>
        <translation>이전 결과, 계산 대상: {own}. 최신 모델({current})을 분석하는 중입니다.</translation>
    </message>
    <message>
        <source>Older result, computed for: {own}. The newest model ({current}) follows.</source>
        <translation>이전 결과, 계산 대상: {own}. 최신 모델({current})이 곧 이어집니다.</translation>
    </message>
    <message>
        <source>{note} — the app&apos;s network has trained on since ({value}); this follows after the epoch</source>
        <translation>{note} — 그 뒤 앱의 신경망이 더 학습했습니다 ({value}). 이 패널은 에포크가 끝나면 따라갑니다</translation>
    </message>
    <message>
        <source>{base} — the app&apos;s network has trained on since ({value}); the panels follow after each epoch</source>
        <translation>{base} — 그 뒤 앱의 신경망이 더 학습했습니다 ({value}). 패널들은 에포크마다 따라갑니다</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Representations</source>
        <translation>표현</translation>
    </message>
    <message>
        <source>How each layer arranges the drawings (PCA), and how linearly separable the classes are there</source>
        <translation>각 층이 그림을 어떻게 배치하는지 (PCA), 그리고 그곳에서 클래스들이 얼마나 선형 분리 가능한지</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>실수</translation>
    </message>
    <message>
        <source>Confusion matrix and the most confidently wrong drawings</source>
        <translation>혼동 행렬과 가장 확신하며 틀린 그림</translation>
    </message>
    <message>
        <source>Where it looks</source>
        <translation>어디를 보나</translation>
    </message>
    <message>
        <source>Saliency and occlusion maps for the canvas drawing</source>
        <translation>캔버스 그림의 현저성 맵과 가림 맵</translation>
    </message>
    <message>
        <source>Filters over time</source>
        <translation>시간에 따른 필터</translation>
    </message>
    <message>
        <source>Filters and feature maps after every epoch</source>
        <translation>에포크마다의 필터와 특징 맵</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>The layers, their output shapes and weight counts</source>
        <translation>층, 출력 형태, 가중치 수</translation>
    </message>
    <message>
        <source>Data health</source>
        <translation>데이터 상태</translation>
    </message>
    <message>
        <source>Counts, imbalance, near-duplicates, labels to check</source>
        <translation>개수, 불균형, 거의 같은 그림, 확인할 레이블</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>What training sees instead of the drawing</source>
        <translation>학습이 그림 대신 보는 것</translation>
    </message>
    <message>
        <source>Untrained (random weights)</source>
        <translation>학습 안 됨 (무작위 가중치)</translation>
    </message>
    <message>
        <source>Model as it is now</source>
        <translation>지금 그대로의 모델</translation>
    </message>
    <message>
        <source>Computing for: {note}…</source>
        <translation>계산 중: {note}…</translation>
    </message>
    <message>
        <source>no model yet</source>
        <translation>아직 모델 없음</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>아직 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Computing for the newest model…</source>
        <translation>최신 모델로 계산하는 중…</translation>
    </message>
    <message>
        <source>Draw something on the canvas.</source>
        <translation>캔버스에 무언가를 그리세요.</translation>
    </message>
    <message>
        <source>No model yet: train it, then see where it looks.</source>
        <translation>아직 모델이 없습니다: 학습한 다음 어디를 보는지 확인하세요.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>Could not analyse this model: {first}</source>
        <translation>이 모델을 분석하지 못했습니다: {first}</translation>
    </message>
    <message>
        <source>Could not analyse this drawing: {first}</source>
        <translation>이 그림을 분석하지 못했습니다: {first}</translation>
    </message>
    <message>
        <source>Could not analyse the drawings: {first}</source>
        <translation>그림들을 분석하지 못했습니다: {first}</translation>
    </message>
    <message>
        <source>Setting up the “{title}” panel…</source>
        <translation>“{title}” 패널을 준비하는 중…</translation>
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
    <name>App</name>
    <message>
        <source>ShapeLab cannot use its data folder {folder}: {value}.
Start it with --data-dir DIR to keep your drawings in another folder.</source>
        <translation>ShapeLab이 데이터 폴더 {folder}을(를) 쓸 수 없습니다: {value}.
그림을 다른 폴더에 두려면 --data-dir DIR로 시작하세요.</translation>
    </message>
    <message>
        <source>shapelab: error: {text}</source>
        <translation>shapelab: 오류: {text}</translation>
    </message>
    <message>
        <source>ShapeLab cannot start</source>
        <translation>ShapeLab을 시작할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Augmentation</name>
    <message>
        <source>&lt;b&gt;Augmentation&lt;/b&gt; — what training sees instead of your drawing</source>
        <translation>&lt;b&gt;데이터 증강&lt;/b&gt; — 학습이 내 그림 대신 보는 것</translation>
    </message>
    <message>
        <source>With augmentation on, each epoch about 6 in 10 training drawings are replaced by a randomly changed copy like these: turned a little, stretched, sheared, shifted, with a wobblier pen and a thinner or thicker line. A square stays a square, so the network learns the shape, not the exact pixels. Shown as the 28×28 pixels the network receives.</source>
        <translation>데이터 증강을 켜면 에포크마다 학습 그림 10개 중 약 6개가 이처럼 무작위로 바꾼 사본으로 대체됩니다: 조금 돌리고, 늘리고, 기울이고, 옮기고, 펜을 더 흔들고, 선을 가늘게 또는 굵게. 사각형은 여전히 사각형이므로 신경망은 정확한 픽셀이 아니라 모양을 배웁니다. 신경망이 받는 28×28 픽셀로 보여 줍니다.</translation>
    </message>
    <message>
        <source>New random versions</source>
        <translation>새 무작위 버전</translation>
    </message>
    <message>
        <source>Draw other random variations of the same drawing</source>
        <translation>같은 그림의 다른 무작위 변형 그리기</translation>
    </message>
    <message>
        <source>Draw something on the canvas to see how training varies it.</source>
        <translation>캔버스에 무언가를 그리면 학습이 그것을 어떻게 바꾸는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Your drawing</source>
        <translation>내 그림</translation>
    </message>
    <message>
        <source>Random versions of it, as training sees them (28×28 pixels each)</source>
        <translation>학습이 보는 대로의 무작위 버전 (각 28×28 픽셀)</translation>
    </message>
    <message>
        <source>Random version {value}: {value2} inked pixels</source>
        <translation>무작위 버전 {value}: 잉크가 있는 픽셀 {value2}개</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>{steps:,} steps</source>
        <translation>{steps:,} 단계</translation>
    </message>
    <message>
        <source>steps not recorded</source>
        <translation>단계 수 기록 없음</translation>
    </message>
    <message>
        <source>Restored the last trained model ({value}, {steps}, saved {saved_at}, trained on {drawings:,} drawings) from {name}.</source>
        <translation>{name}에서 마지막으로 학습한 모델을 복원했습니다 ({value}, {steps}, {saved_at}에 저장, 그림 {drawings:,}개로 학습).</translation>
    </message>
    <message>
        <source> The dataset is the same as then.</source>
        <translation> 데이터셋은 그때와 같습니다.</translation>
    </message>
    <message>
        <source> The dataset changed since: train again to include the changes.</source>
        <translation> 그 뒤로 데이터셋이 바뀌었습니다: 바뀐 내용을 넣으려면 다시 학습하세요.</translation>
    </message>
    <message>
        <source>not a ShapeLab autosave (its description is missing)</source>
        <translation>ShapeLab 자동 저장 파일이 아닙니다 (설명이 없음)</translation>
    </message>
    <message>
        <source> Checking whether the dataset changed since…</source>
        <translation> 그 뒤로 데이터셋이 바뀌었는지 확인하는 중…</translation>
    </message>
</context>
<context>
    <name>BackpropLesson</name>
    <message>
        <source>Inputs x_k (left), hidden units x_j (middle), outputs x_i with targets t_i (right).
Each line is a weight; orange marks what this step computes.</source>
        <translation>입력 x_k(왼쪽), 은닉 유닛 x_j(가운데), 목표값 t_i가 있는 출력 x_i(오른쪽).
선 하나가 가중치 하나입니다. 주황색은 이 단계에서 계산하는 것입니다.</translation>
    </message>
    <message>
        <source>inputs x_k</source>
        <translation>입력 x_k</translation>
    </message>
    <message>
        <source>hidden x_j</source>
        <translation>은닉 x_j</translation>
    </message>
    <message>
        <source>outputs x_i</source>
        <translation>출력 x_i</translation>
    </message>
    <message>
        <source>4 · Back-propagation, number by number</source>
        <translation>4 · 역전파, 숫자 하나하나</translation>
    </message>
    <message>
        <source>“Learning parameters to minimize the error from the true value in the systematic, reverse way.” E = −Σ_i [t_i log(x_i) + (1 − t_i) log(1 − x_i)]; ∂E/∂w_ji = (x_i − t_i)·x_j; ∂E/∂w_kj = Σ_i (x_i − t_i)·w_ji·x_j(1 − x_j)·x_k.</source>
        <translation>“참값과의 오차를 최소화하도록 파라미터를 체계적으로, 거꾸로 학습합니다.” E = −Σ_i [t_i log(x_i) + (1 − t_i) log(1 − x_i)]; ∂E/∂w_ji = (x_i − t_i)·x_j; ∂E/∂w_kj = Σ_i (x_i − t_i)·w_ji·x_j(1 − x_j)·x_k.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network and one example.&lt;/b&gt; Three inputs x_k (k = 1…3), two hidden units with outputs x_j (j = 1, 2), three outputs x_i (i = 1…3); sigmoid σ(s) = 1 / (1 + e^−s) everywhere; no biases, as in the lecture. The targets t_i say which output should be 1. The lecture&apos;s figures are lost: these numbers are the app&apos;s own example, computed by its engine.</source>
        <translation>&lt;b&gt;신경망과 예제 하나.&lt;/b&gt; 입력 세 개 x_k (k = 1…3), 출력이 x_j인 은닉 유닛 두 개 (j = 1, 2), 출력 세 개 x_i (i = 1…3). 모든 곳에 시그모이드 σ(s) = 1 / (1 + e^−s)를 쓰고, 강의처럼 편향은 없습니다. 목표값 t_i는 어느 출력이 1이어야 하는지 알려 줍니다. 강의의 그림은 남아 있지 않아서, 이 숫자들은 앱의 엔진이 계산한 앱 자체의 예제입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward, hidden sums&lt;/b&gt;: s_j = Σ_k w_kj·x_k.</source>
        <translation>&lt;b&gt;순전파, 은닉층의 합&lt;/b&gt;: s_j = Σ_k w_kj·x_k.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward, hidden outputs&lt;/b&gt;: x_j = σ(s_j).</source>
        <translation>&lt;b&gt;순전파, 은닉층의 출력&lt;/b&gt;: x_j = σ(s_j).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward, outputs&lt;/b&gt;: s_i = Σ_j w_ji·x_j, then x_i = σ(s_i).</source>
        <translation>&lt;b&gt;순전파, 출력&lt;/b&gt;: s_i = Σ_j w_ji·x_j, 그다음 x_i = σ(s_i).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The error&lt;/b&gt;: E = −Σ_i [t_i log x_i + (1 − t_i) log(1 − x_i)] (binary cross-entropy).</source>
        <translation>&lt;b&gt;오차&lt;/b&gt;: E = −Σ_i [t_i log x_i + (1 − t_i) log(1 − x_i)] (이진 교차 엔트로피).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backward, output layer&lt;/b&gt;, by the chain rule: ∂E/∂w_ji = ∂E/∂x_i · ∂x_i/∂s_i · ∂s_i/∂w_ji = (x_i − t_i)·x_j. Each number three ways: the formula, the engine&apos;s back-propagation, and a finite difference (E(w + ε) − E(w − ε)) / 2ε.</source>
        <translation>&lt;b&gt;역전파, 출력층&lt;/b&gt;, 연쇄 법칙으로: ∂E/∂w_ji = ∂E/∂x_i · ∂x_i/∂s_i · ∂s_i/∂w_ji = (x_i − t_i)·x_j. 숫자마다 세 가지 방법으로 구합니다: 공식, 엔진의 역전파, 그리고 유한 차분 (E(w + ε) − E(w − ε)) / 2ε.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backward, hidden layer&lt;/b&gt;: ∂E/∂w_kj = Σ_i (x_i − t_i)·w_ji·x_j(1 − x_j)·x_k — the error of every output flows back through its weight w_ji.</source>
        <translation>&lt;b&gt;역전파, 은닉층&lt;/b&gt;: ∂E/∂w_kj = Σ_i (x_i − t_i)·w_ji·x_j(1 − x_j)·x_k — 모든 출력의 오차가 그 가중치 w_ji를 거쳐 거꾸로 흘러갑니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Update&lt;/b&gt;: every weight moves against its gradient, w ← w − η·∂E/∂w. &lt;b&gt;Next step&lt;/b&gt; takes this step and starts the next round: watch E go down.</source>
        <translation>&lt;b&gt;갱신&lt;/b&gt;: 모든 가중치가 기울기의 반대 방향으로 움직입니다, w ← w − η·∂E/∂w. &lt;b&gt;다음 단계&lt;/b&gt;를 누르면 이 갱신을 하고 다음 라운드를 시작합니다: E가 줄어드는 것을 보세요.</translation>
    </message>
    <message>
        <source>Error E at the start of each round</source>
        <translation>각 라운드 시작 때의 오차 E</translation>
    </message>
    <message>
        <source>round</source>
        <translation>라운드</translation>
    </message>
    <message>
        <source>E (nats)</source>
        <translation>E (nat)</translation>
    </message>
    <message>
        <source>Round {round} · step {value} of {step_count}</source>
        <translation>라운드 {round} · 단계 {value}/{step_count}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Round {round}&lt;/b&gt; — learning rate η = {value}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;라운드 {round}&lt;/b&gt; — 학습률 η = {value}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Inputs: </source>
        <translation>&lt;p&gt;입력: </translation>
    </message>
    <message>
        <source>Targets: </source>
        <translation>목표값: </translation>
    </message>
    <message>
        <source>Hidden weights w_kj (row j, column k)</source>
        <translation>은닉층 가중치 w_kj (행 j, 열 k)</translation>
    </message>
    <message>
        <source>Output weights w_ji (row i, column j)</source>
        <translation>출력층 가중치 w_ji (행 i, 열 j)</translation>
    </message>
    <message>
        <source>&lt;p&gt;s{value} = {terms} = {value2} → x{value} = σ({value2}) = &lt;b&gt;{value3}&lt;/b&gt; (target {value4})&lt;/p&gt;</source>
        <translation>&lt;p&gt;s{value} = {terms} = {value2} → x{value} = σ({value2}) = &lt;b&gt;{value3}&lt;/b&gt; (목표값 {value4})&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;i = {value}: −[{value2}·log {value3} + {value4}·log {value5}] = {value6}&lt;/p&gt;</source>
        <translation>&lt;p&gt;i = {value}: −[{value2}·log {value3} + {value4}·log {value5}] = {value6}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;E = {value}&lt;/b&gt; (sum of the three; nats, natural logarithm)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;E = {value}&lt;/b&gt; (세 항의 합. 단위 nat, 자연로그)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The chain rule, factor by factor, for each output i: ∂E/∂s_i = ∂E/∂x_i · ∂x_i/∂s_i = (−t_i/x_i + (1 − t_i)/(1 − x_i)) · x_i(1 − x_i), which simplifies to x_i − t_i:&lt;/p&gt;</source>
        <translation>&lt;p&gt;출력 i마다 연쇄 법칙을 인수 하나씩: ∂E/∂s_i = ∂E/∂x_i · ∂x_i/∂s_i = (−t_i/x_i + (1 − t_i)/(1 − x_i)) · x_i(1 − x_i), 정리하면 x_i − t_i입니다:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;output {value}: {value2} × {value3} = &lt;b&gt;{value4}&lt;/b&gt; (x_i − t_i = {value5} − {value6} = {value7}); then × ∂s_i/∂w_ji = x_j.&lt;/p&gt;</source>
        <translation>&lt;p&gt;출력 {value}: {value2} × {value3} = &lt;b&gt;{value4}&lt;/b&gt; (x_i − t_i = {value5} − {value6} = {value7}); 그다음 × ∂s_i/∂w_ji = x_j.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;j={value}: Σ_i (x_i − t_i)·w_ji = {terms} = &lt;b&gt;{value2}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;j={value}: Σ_i (x_i − t_i)·w_ji = {terms} = &lt;b&gt;{value2}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hidden weights</source>
        <translation>은닉층 가중치</translation>
    </message>
    <message>
        <source>Output weights</source>
        <translation>출력층 가중치</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Gradient descent&lt;/b&gt; with learning rate η = {value}: for example w_k=1→j=1 = {value2} − {value} × {value3} = &lt;b&gt;{value4}&lt;/b&gt;. A larger η takes bigger steps (and can overshoot); a smaller one learns more slowly.&lt;/p&gt;</source>
        <translation>&lt;p&gt;학습률 η = {value}인 &lt;b&gt;경사 하강법&lt;/b&gt;: 예를 들어 w_k=1→j=1 = {value2} − {value} × {value3} = &lt;b&gt;{value4}&lt;/b&gt;. η가 크면 더 큰 걸음을 내딛고 (지나칠 수도 있고), 작으면 더 천천히 배웁니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Error on this example: &lt;b&gt;{value}&lt;/b&gt; before → &lt;b&gt;{value2}&lt;/b&gt; after the update.&lt;/p&gt;</source>
        <translation>&lt;p&gt;이 예제의 오차: 갱신 전 &lt;b&gt;{value}&lt;/b&gt; → 갱신 후 &lt;b&gt;{value2}&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;th&gt;product = {title}&lt;/th&gt;&lt;th&gt;engine&lt;/th&gt;&lt;th&gt;finite difference&lt;/th&gt;&lt;th&gt;|engine − f.d.|&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;th&gt;곱 = {title}&lt;/th&gt;&lt;th&gt;엔진&lt;/th&gt;&lt;th&gt;유한 차분&lt;/th&gt;&lt;th&gt;|엔진 − 유한 차분|&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>to {value}</source>
        <translation>{value}까지</translation>
    </message>
    <message>
        <source>&lt;table border=&apos;1&apos; cellspacing=&apos;0&apos;&gt;{head}{body}&lt;/table&gt;&lt;p&gt;The formula and the engine agree {agree}; the finite difference to {value} (float64, ε = 10⁻⁶).&lt;/p&gt;</source>
        <translation>&lt;table border=&apos;1&apos; cellspacing=&apos;0&apos;&gt;{head}{body}&lt;/table&gt;&lt;p&gt;공식과 엔진은 {agree} 일치하고, 유한 차분은 {value} 일치합니다 (float64, ε = 10⁻⁶).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;weight&lt;/th&gt;&lt;th&gt;now&lt;/th&gt;&lt;th&gt;gradient&lt;/th&gt;&lt;th&gt;new = now − η·gradient&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;가중치&lt;/th&gt;&lt;th&gt;현재&lt;/th&gt;&lt;th&gt;기울기&lt;/th&gt;&lt;th&gt;새 값 = 현재 − η·기울기&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>no template for {kind!r}: square, triangle or circle</source>
        <translation>{kind!r}에 대한 견본이 없습니다: square, triangle, circle 중 하나</translation>
    </message>
    <message>
        <source>Draw a shape here with the mouse, a pen or a finger.
Then press 1–9 (or click a class) to add it to that class.
Esc clears · Ctrl+Z undoes the last stroke · Ctrl+Shift+Z redoes
No mouse? S, T or C puts a template square, triangle or circle here</source>
        <translation>마우스, 펜 또는 손가락으로 여기에 도형을 그리세요.
그다음 1–9를 누르거나 클래스를 클릭하면 그 클래스에 추가됩니다.
Esc 지우기 · Ctrl+Z 마지막 획 실행 취소 · Ctrl+Shift+Z 다시 실행
마우스가 없나요? S, T, C를 누르면 견본 사각형, 삼각형, 원이 놓입니다</translation>
    </message>
    <message>
        <source>Draw a shape here
then press 1–9 to add it</source>
        <translation>여기에 도형을 그리고
1–9를 눌러 추가하세요</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo the last stroke (Ctrl+Z)</source>
        <translation>마지막 획 실행 취소 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>다시 실행 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Clear the canvas (Esc)</source>
        <translation>캔버스 지우기 (Esc)</translation>
    </message>
    <message>
        <source>Stroke width on screen (the network always sees the same width)</source>
        <translation>화면의 획 굵기 (신경망은 언제나 같은 굵기로 봅니다)</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>굵기</translation>
    </message>
</context>
<context>
    <name>ClassPalette</name>
    <message>
        <source>Delete class “{name}”</source>
        <translation>클래스 “{name}” 삭제</translation>
    </message>
    <message>
        <source>The class “{name}” has {count} drawing{value}.
What should happen to them?</source>
        <translation>클래스 “{name}”에 그림이 {count}개 있습니다.
그림을 어떻게 할까요?</translation>
    </message>
    <message>
        <source>Move them to</source>
        <translation>다음 클래스로 옮기기</translation>
    </message>
    <message>
        <source>Delete them too (Undo in the gallery brings them back)</source>
        <translation>함께 삭제 (갤러리에서 실행 취소하면 되돌아옴)</translation>
    </message>
    <message>
        <source>Delete class</source>
        <translation>클래스 삭제</translation>
    </message>
    <message>
        <source>+ New class</source>
        <translation>+ 새 클래스</translation>
    </message>
    <message>
        <source>Add a class (a new kind of shape to teach the network)</source>
        <translation>클래스 추가 (신경망에 가르칠 새로운 도형 종류)</translation>
    </message>
    <message>
        <source>click or press 1–9 to add · right-click to edit</source>
        <translation>클릭하거나 1–9를 눌러 추가 · 오른쪽 클릭으로 편집</translation>
    </message>
    <message>
        <source>Click a class, or press its number (1–9) while the canvas has the keyboard, to add the drawing to it: it is saved at once and the canvas is cleared. Right-click a class to rename, recolour or delete it.</source>
        <translation>클래스를 클릭하거나, 캔버스에 키보드 포커스가 있을 때 그 번호(1–9)를 누르면 그림이 그 클래스에 추가됩니다: 바로 저장되고 캔버스는 지워집니다. 클래스를 오른쪽 클릭하면 이름 바꾸기, 색 바꾸기, 삭제를 할 수 있습니다.</translation>
    </message>
    <message>
        <source> — or press {key} on the canvas</source>
        <translation> — 또는 캔버스에서 {key} 누르기</translation>
    </message>
    <message>
        <source>Add the drawing on the canvas to “{name}”{shortcut}.
{count} drawing{value} in this class. Right-click for more.</source>
        <translation>캔버스의 그림을 “{name}”에 추가{shortcut}.
이 클래스의 그림 {count}개. 오른쪽 클릭으로 더 보기.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Change colour…</source>
        <translation>색 바꾸기…</translation>
    </message>
    <message>
        <source>Delete class…</source>
        <translation>클래스 삭제…</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>새 클래스</translation>
    </message>
    <message>
        <source>Name of the new class (for example “star”):</source>
        <translation>새 클래스의 이름 (예: “별”):</translation>
    </message>
    <message>
        <source>Rename class</source>
        <translation>클래스 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>“{name}”의 새 이름:</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>“{name}”의 색</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>A class needs a name.</source>
        <translation>클래스에는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>There is already a class called “{name}”.</source>
        <translation>“{name}”(이)라는 클래스가 이미 있습니다.</translation>
    </message>
    <message>
        <source>The {value} has drawings of “{name}” and is read-only: the class cannot be {what} while it is included. Untick “Include {value}” first.</source>
        <translation>{value}에 “{name}”의 그림이 있고 읽기 전용입니다: 포함되어 있는 동안에는 클래스를 {what} 수 없습니다. 먼저 “{value} 포함”의 체크를 해제하세요.</translation>
    </message>
    <message>
        <source>There is no class called “{old}”.</source>
        <translation>“{old}”(이)라는 클래스가 없습니다.</translation>
    </message>
    <message>
        <source>There is no class called “{name}”.</source>
        <translation>“{name}”(이)라는 클래스가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot move the drawings to “{move_to}”.</source>
        <translation>그림을 “{move_to}”(으)로 옮길 수 없습니다.</translation>
    </message>
    <message>
        <source>delete class “{name}”</source>
        <translation>클래스 “{name}” 삭제</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>{text!r} is not an integer</source>
        <translation>{text!r}은(는) 정수가 아닙니다</translation>
    </message>
    <message>
        <source>{text!r} is not a number</source>
        <translation>{text!r}은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>{text} is out of range: it must be {what}</source>
        <translation>{text}은(는) 범위를 벗어났습니다: {what}이어야 합니다</translation>
    </message>
    <message>
        <source>at least 1</source>
        <translation>1 이상</translation>
    </message>
    <message>
        <source>at least 0</source>
        <translation>0 이상</translation>
    </message>
    <message>
        <source>greater than 0</source>
        <translation>0보다 큰 값</translation>
    </message>
    <message>
        <source>at least 0 and less than 1</source>
        <translation>0 이상 1 미만</translation>
    </message>
    <message>
        <source>from {MIN_INPUT_SIZE} to {MAX_INPUT_SIZE}</source>
        <translation>{MIN_INPUT_SIZE}부터 {MAX_INPUT_SIZE}까지</translation>
    </message>
    <message>
        <source>shapelab: warning: {w}</source>
        <translation>shapelab: 경고: {w}</translation>
    </message>
    <message>
        <source>shapelab: warning: … and {value} more problems</source>
        <translation>shapelab: 경고: … 그리고 문제 {value}개 더</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs} [{bar}] </source>
        <translation>에포크 {epoch}/{epochs} [{bar}] </translation>
    </message>
    <message>
        <source>loss {loss:.4f} acc {accuracy:6.1%}</source>
        <translation>손실 {loss:.4f} 정확도 {accuracy:6.1%}</translation>
    </message>
    <message>
        <source>  val loss {val_loss:.4f} val acc {val_accuracy:6.1%}</source>
        <translation>  검증 손실 {val_loss:.4f} 검증 정확도 {val_accuracy:6.1%}</translation>
    </message>
    <message>
        <source>  {value} elapsed, estimating the time left</source>
        <translation>  {value} 지남, 남은 시간 추정 중</translation>
    </message>
    <message>
        <source>  {value} elapsed, {value2} left</source>
        <translation>  {value} 지남, {value2} 남음</translation>
    </message>
    <message>
        <source>--classes: unknown class {value}; the generator draws {value2}</source>
        <translation>--classes: 알 수 없는 클래스 {value}. 생성기가 그리는 것: {value2}</translation>
    </message>
    <message>
        <source>{out}: cannot write: {reason}</source>
        <translation>{out}: 쓸 수 없음: {reason}</translation>
    </message>
    <message>
        <source>Wrote {value} drawings ({per_class} per class: {value2}) to {out}</source>
        <translation>그림 {value}개 (클래스마다 {per_class}개: {value2})를 {out}에 썼습니다</translation>
    </message>
    <message>
        <source>{out}: cannot write: the folder {folder} does not exist</source>
        <translation>{out}: 쓸 수 없음: 폴더 {folder}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{STARTER_PATH}: the built-in starter set is missing; give DATA to train on</source>
        <translation>{STARTER_PATH}: 기본 제공 세트가 없습니다. 학습할 DATA를 주세요</translation>
    </message>
    <message>
        <source>No DATA given: training on the built-in starter set ({STARTER_PATH}).</source>
        <translation>DATA가 없습니다: 기본 제공 세트({STARTER_PATH})로 학습합니다.</translation>
    </message>
    <message>
        <source>{value}: no valid drawings or images to train on</source>
        <translation>{value}: 학습할 올바른 그림이나 이미지가 없음</translation>
    </message>
    <message>
        <source>{value}: only one class ({value2}); training needs at least two</source>
        <translation>{value}: 클래스가 하나뿐입니다 ({value2}). 학습에는 적어도 두 개가 필요합니다</translation>
    </message>
    <message>
        <source>training stopped at epoch {value}, step {step}: {message}</source>
        <translation>에포크 {value}, 단계 {step}에서 학습이 멈춤: {message}</translation>
    </message>
    <message>
        <source>Trained the {preset} model ({value:,} parameters) on {n_train} samples of {value2} classes ({value3}) for {value4} ({value5})</source>
        <translation>{preset} 모델 (파라미터 {value:,}개)을 클래스 {value2}개({value3})의 표본 {n_train}개로 {value4} 학습했습니다 ({value5})</translation>
    </message>
    <message>
        <source> in {elapsed:.1f} s: train accuracy {accuracy:.1%}</source>
        <translation> {elapsed:.1f}초 걸림: 학습 정확도 {accuracy:.1%}</translation>
    </message>
    <message>
        <source>, validation accuracy {val_accuracy:.1%} on {n_val} held out</source>
        <translation>, 따로 둔 {n_val}개에서 검증 정확도 {val_accuracy:.1%}</translation>
    </message>
    <message>
        <source>.
Saved {out}</source>
        <translation>.
{out}에 저장함</translation>
    </message>
    <message>
        <source>Accuracy {accuracy:.1%} on {n} samples ({model})</source>
        <translation>표본 {n}개에서 정확도 {accuracy:.1%} ({model})</translation>
    </message>
    <message>
        <source>
confusion (rows: true class, columns: predicted)</source>
        <translation>
혼동 행렬 (행: 실제 클래스, 열: 예측)</translation>
    </message>
    <message>
        <source>({n} samples carry no drawer)</source>
        <translation>(그린 사람이 없는 표본 {n}개)</translation>
    </message>
    <message>
        <source>
Not counted: labels the model does not know: {listed}</source>
        <translation>
세지 않음: 모델이 모르는 레이블: {listed}</translation>
    </message>
    <message>
        <source>{preset} model, {value:,} parameters, {value2}×{value2} input</source>
        <translation>{preset} 모델, 파라미터 {value:,}개, 입력 {value2}×{value2}</translation>
    </message>
    <message>
        <source>training step (forward, backward, Adam), batch {value}: {value2:.2f} ms</source>
        <translation>학습 단계 (순전파, 역전파, Adam), 배치 {value}: {value2:.2f} ms</translation>
    </message>
    <message>
        <source>single-drawing forward pass: {value:.3f} ms</source>
        <translation>그림 하나의 순전파: {value:.3f} ms</translation>
    </message>
    <message>
        <source>drawings per class</source>
        <translation>클래스마다 그림 수</translation>
    </message>
    <message>
        <source>where to write them</source>
        <translation>쓸 위치</translation>
    </message>
    <message>
        <source>random seed (default 0)</source>
        <translation>난수 시드 (기본값 0)</translation>
    </message>
    <message>
        <source>classes to draw (default: all four)</source>
        <translation>그릴 클래스 (기본값: 네 개 모두)</translation>
    </message>
    <message>
        <source>NDJSON files and image folders (DIR/&lt;class&gt;/*.png); none: the app&apos;s built-in starter set</source>
        <translation>NDJSON 파일과 이미지 폴더 (DIR/&lt;class&gt;/*.png). 없으면 앱의 기본 제공 세트</translation>
    </message>
    <message>
        <source>where to save the trained model</source>
        <translation>학습된 모델을 저장할 위치</translation>
    </message>
    <message>
        <source>model preset (default: %(default)s)</source>
        <translation>모델 프리셋 (기본값: %(default)s)</translation>
    </message>
    <message>
        <source>passes over the training data; with augmentation each pass shows every drawing --versions times (itself and augmented versions); with the cosine schedule fewer epochs make a shorter, complete run (default %(default)s)</source>
        <translation>학습 데이터를 몇 번 훑을지; 증강을 켜면 한 번 훑을 때마다 모든 그림을 --versions 번 보여 줍니다(그림 자체와 증강한 버전); 코사인 스케줄에서는 에포크가 적으면 더 짧지만 끝까지 마친 학습이 됩니다 (기본값 %(default)s)</translation>
    </message>
    <message>
        <source>with augmentation, how many times an epoch shows every training drawing: itself (most of them slightly changed) and N-1 augmented versions (default %(default)s)</source>
        <translation>증강을 켰을 때 한 에포크가 모든 학습 그림을 몇 번 보여 줄지: 그림 자체(대부분 조금 바꾼 것)와 증강한 버전 N-1개 (기본값 %(default)s)</translation>
    </message>
    <message>
        <source>the learning rate over the run: &apos;cosine&apos; rises over the first tenth of the steps, then falls along a cosine to nearly 0 by the last step; &apos;constant&apos; keeps --lr (default %(default)s)</source>
        <translation>학습 동안의 학습률: &apos;cosine&apos;은 처음 10분의 1 단계 동안 올라간 뒤 코사인을 따라 마지막 단계에서 거의 0까지 내려가고, &apos;constant&apos;는 --lr을 그대로 씁니다 (기본값 %(default)s)</translation>
    </message>
    <message>
        <source>mini-batch size (default %(default)s)</source>
        <translation>미니배치 크기 (기본값 %(default)s)</translation>
    </message>
    <message>
        <source>learning rate (default %(default)g)</source>
        <translation>학습률 (기본값 %(default)g)</translation>
    </message>
    <message>
        <source>default %(default)s</source>
        <translation>기본값 %(default)s</translation>
    </message>
    <message>
        <source>random seed; same seed, same model (default 0)</source>
        <translation>난수 시드. 같은 시드면 같은 모델 (기본값 0)</translation>
    </message>
    <message>
        <source>weight averaging: the model ends with a running average of its weights over the latest steps (about the last tenth, at most about 1/(1-D) steps; default %(default)g; 0: off)</source>
        <translation>가중치 평균: 모델이 최근 단계들의 가중치 이동 평균으로 끝납니다 (대략 마지막 10분의 1, 최대 약 1/(1-D) 단계. 기본값 %(default)g. 0: 끔)</translation>
    </message>
    <message>
        <source>label smoothing: each drawing&apos;s training target gives its class 1-E and every class E/classes, so the model learns not to be overconfident (default %(default)g; 0: off)</source>
        <translation>레이블 스무딩: 각 그림의 학습 목표가 자기 클래스에 1-E, 모든 클래스에 E/클래스 수를 주어 모델이 지나치게 확신하지 않도록 배웁니다 (기본값 %(default)g. 0: 끔)</translation>
    </message>
    <message>
        <source>randomly rotate, scale, shear, shift and jitter drawings each epoch (default on)</source>
        <translation>에포크마다 그림을 무작위로 회전, 확대·축소, 기울이기, 이동, 흔들기 (기본값 켬)</translation>
    </message>
    <message>
        <source>fraction held out (default 0.1)</source>
        <translation>따로 두는 비율 (기본값 0.1)</translation>
    </message>
    <message>
        <source>input side in pixels, {MIN_INPUT_SIZE} to {MAX_INPUT_SIZE} (default %(default)s; the app draws {INPUT_SIZE})</source>
        <translation>입력 한 변의 픽셀 수, {MIN_INPUT_SIZE}부터 {MAX_INPUT_SIZE}까지 (기본값 %(default)s. 앱은 {INPUT_SIZE}로 그림)</translation>
    </message>
    <message>
        <source>more models (one table), then NDJSON files and image folders</source>
        <translation>모델 여러 개 (표 하나로), 그다음 NDJSON 파일과 이미지 폴더</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>JSON 객체 하나로 출력</translation>
    </message>
    <message>
        <source>image, NDJSON file, or .npy of shape (N,S,S)</source>
        <translation>이미지, NDJSON 파일, 또는 형태가 (N,S,S)인 .npy</translation>
    </message>
    <message>
        <source>print a JSON list</source>
        <translation>JSON 목록으로 출력</translation>
    </message>
    <message>
        <source>model preset (default: default)</source>
        <translation>모델 프리셋 (기본값: default)</translation>
    </message>
    <message>
        <source>batch size of the training step (default 32)</source>
        <translation>학습 단계의 배치 크기 (기본값 32)</translation>
    </message>
    <message>
        <source>timed repetitions (default 200)</source>
        <translation>시간을 잴 반복 횟수 (기본값 200)</translation>
    </message>
    <message>
        <source>generate synthetic drawings into an NDJSON file</source>
        <translation>합성 그림을 만들어 NDJSON 파일에 쓰기</translation>
    </message>
    <message>
        <source>train a model on NDJSON files and/or image folders</source>
        <translation>NDJSON 파일이나 이미지 폴더로 모델 학습</translation>
    </message>
    <message>
        <source>accuracy, per-class accuracy and confusion matrix of a model</source>
        <translation>모델의 정확도, 클래스별 정확도, 혼동 행렬</translation>
    </message>
    <message>
        <source>classify images, NDJSON drawings or preprocessed .npy arrays</source>
        <translation>이미지, NDJSON 그림, 전처리된 .npy 배열 분류</translation>
    </message>
    <message>
        <source>time one training step and one single-drawing forward pass</source>
        <translation>학습 단계 하나와 그림 하나의 순전파 시간 재기</translation>
    </message>
    <message>
        <source>a command {name!r} is already registered</source>
        <translation>명령 {name!r}은(는) 이미 등록되어 있습니다</translation>
    </message>
    <message>
        <source>ShapeLab: draw shapes, train a small NumPy CNN on them, and watch it learn. Without a command the app starts (python main.py).</source>
        <translation>ShapeLab: 도형을 그리고, 작은 NumPy CNN을 학습시키고, 배우는 모습을 지켜보세요. 명령 없이 실행하면 앱이 시작됩니다 (python main.py).</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 bad data or files, 2 bad usage.</source>
        <translation>종료 상태: 0 성공, 1 잘못된 데이터나 파일, 2 잘못된 사용법.</translation>
    </message>
    <message>
        <source>show the version, the licence and the libraries used, and exit</source>
        <translation>버전, 라이선스, 사용한 라이브러리를 보여 주고 끝내기</translation>
    </message>
    <message>
        <source>shapelab: error: give a command (python main.py with none starts the app)</source>
        <translation>shapelab: 오류: 명령을 주세요 (명령 없는 python main.py는 앱을 시작합니다)</translation>
    </message>
    <message>
        <source>shapelab: error: {exc}</source>
        <translation>shapelab: 오류: {exc}</translation>
    </message>
    <message>
        <source>shapelab: interrupted; nothing more was written</source>
        <translation>shapelab: 중단됨. 더 이상 쓴 것은 없습니다</translation>
    </message>
    <message>
        <source>merge NDJSON files (and folders of them) into one, dropping exact duplicates</source>
        <translation>NDJSON 파일(과 그 폴더)을 하나로 합치고, 똑같은 중복은 버리기</translation>
    </message>
    <message>
        <source>Merge many students&apos; drawing files into one file. Exact duplicates (same label, strokes and extra keys, e.g. the same starter drawing in every file) are dropped; the first one is kept. A report says what was merged: files, drawers, drawings per class, duplicates dropped.</source>
        <translation>여러 학생의 그림 파일을 파일 하나로 합칩니다. 똑같은 중복(같은 레이블, 획, 추가 키. 예: 모든 파일에 든 같은 기본 제공 그림)은 버리고 첫 번째만 남깁니다. 보고서가 무엇을 합쳤는지 알려 줍니다: 파일, 그린 사람, 클래스별 그림 수, 버린 중복.</translation>
    </message>
    <message>
        <source>NDJSON files, or folders of *.ndjson</source>
        <translation>NDJSON 파일, 또는 *.ndjson 폴더</translation>
    </message>
    <message>
        <source>the merged file</source>
        <translation>합친 파일</translation>
    </message>
    <message>
        <source>print the report as one JSON object</source>
        <translation>보고서를 JSON 객체 하나로 출력</translation>
    </message>
    <message>
        <source>{out}: is a folder; give a file name for --out</source>
        <translation>{out}: 폴더입니다. --out에는 파일 이름을 주세요</translation>
    </message>
    <message>
        <source>{p}: no such file or folder</source>
        <translation>{p}: 그런 파일이나 폴더가 없음</translation>
    </message>
    <message>
        <source>{value}: cannot read: {value2}</source>
        <translation>{value}: 읽을 수 없음: {value2}</translation>
    </message>
    <message>
        <source>shapelab: warning: {p}; skipped</source>
        <translation>shapelab: 경고: {p}. 건너뜀</translation>
    </message>
    <message>
        <source>{value}: no valid drawings to merge; nothing written</source>
        <translation>{value}: 합칠 올바른 그림이 없습니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>
Wrote {out}</source>
        <translation>
{out}에 썼습니다</translation>
    </message>
    <message>
        <source>how the validation share is held out: a random share of each class (default), or every drawing of some drawers (the NDJSON key &quot;drawer&quot;): accuracy on people the model has not seen</source>
        <translation>검증용 몫을 따로 두는 방법: 각 클래스에서 무작위로 일부 (기본값), 또는 몇몇 사람의 모든 그림 (NDJSON 키 &quot;drawer&quot;): 모델이 보지 못한 사람에 대한 정확도</translation>
    </message>
    <message>
        <source>Not counted (labels a model does not know): </source>
        <translation>세지 않음 (모델이 모르는 레이블): </translation>
    </message>
    <message>
        <source>{value}: none of the labels is a class any of the models knows</source>
        <translation>{value}: 어느 레이블도 모델들이 아는 클래스가 아닙니다</translation>
    </message>
    <message>
        <source>{value} models on {value2} samples ({value3})
</source>
        <translation>모델 {value}개, 표본 {value2}개 ({value3})
</translation>
    </message>
    <message>
        <source>ShapeLab {value} (MIT licence; Python {value2}; {libs})</source>
        <translation>ShapeLab {value} (MIT 라이선스. Python {value2}. {libs})</translation>
    </message>
    <message>
        <source>checked on {samples} drawings: {checked}, largest probability difference {max_diff:.1e}</source>
        <translation>그림 {samples}개로 검사: {checked}, 최대 확률 차이 {max_diff:.1e}</translation>
    </message>
    <message>
        <source>checked: {checked}</source>
        <translation>검사: {checked}</translation>
    </message>
    <message>
        <source>Exported {model} as {format} ({how}):</source>
        <translation>{model}을(를) {format}(으)로 내보냈습니다 ({how}):</translation>
    </message>
    <message>
        <source>{value}: none of the labels is a class the model knows ({value2})</source>
        <translation>{value}: 어느 레이블도 모델이 아는 클래스({value2})가 아닙니다</translation>
    </message>
    <message>
        <source>ShapeLab {value}</source>
        <translation>ShapeLab {value}</translation>
    </message>
    <message>
        <source>Wrote the report on {model} ({value} samples) to {out}</source>
        <translation>{model}에 대한 보고서 (표본 {value}개)를 {out}에 썼습니다</translation>
    </message>
    <message>
        <source>onnx: one .onnx file (needs the &apos;export&apos; extra); tfjs: a folder with model.json, weights.bin, metadata.json (Teachable Machine, and ml5/ for ml5); torch: NAME.npz + NAME.py that rebuilds the torch.nn.Sequential</source>
        <translation>onnx: .onnx 파일 하나 (&apos;export&apos; 추가 패키지 필요). tfjs: model.json, weights.bin, metadata.json이 든 폴더 (Teachable Machine용, ml5용은 ml5/). torch: NAME.npz + torch.nn.Sequential을 다시 만드는 NAME.py</translation>
    </message>
    <message>
        <source>the file (onnx, torch) or folder (tfjs)</source>
        <translation>파일 (onnx, torch) 또는 폴더 (tfjs)</translation>
    </message>
    <message>
        <source>NDJSON files and image folders to show and evaluate on</source>
        <translation>보여 주고 평가할 NDJSON 파일과 이미지 폴더</translation>
    </message>
    <message>
        <source>export a model as ONNX, TensorFlow.js or PyTorch (checked before it is written)</source>
        <translation>모델을 ONNX, TensorFlow.js 또는 PyTorch로 내보내기 (쓰기 전에 검사함)</translation>
    </message>
    <message>
        <source>one self-contained HTML report: data, run, results, filters, model card</source>
        <translation>그 자체로 완결된 HTML 보고서 하나: 데이터, 실행, 결과, 필터, 모델 카드</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare models</source>
        <translation>모델 비교</translation>
    </message>
    <message>
        <source>Each model on the {value:,} drawings of {dataset_name}: the share it classifies right, overall, per class (rows: models; “n/a”: a class the model does not know) and per drawer. Drawings of classes a model does not know are not counted for it.</source>
        <translation>{dataset_name}의 그림 {value:,}개에 대한 각 모델의 정답 비율: 전체, 클래스별(행: 모델, “n/a”: 모델이 모르는 클래스), 그린 사람별. 모델이 모르는 클래스의 그림은 그 모델의 계산에서 빠집니다.</translation>
    </message>
    <message>
        <source>Add model files (.npz) to compare.</source>
        <translation>비교할 모델 파일(.npz)을 추가하세요.</translation>
    </message>
    <message>
        <source>Accuracy of each model on the open dataset, overall and per class</source>
        <translation>열린 데이터셋에서 각 모델의 정확도 (전체와 클래스별)</translation>
    </message>
    <message>
        <source>Accuracy per drawer (the &quot;drawer&quot; key of the drawings)</source>
        <translation>그린 사람별 정확도 (그림의 &quot;drawer&quot; 키)</translation>
    </message>
    <message>
        <source>Per drawer</source>
        <translation>그린 사람별</translation>
    </message>
    <message>
        <source>Add model files…</source>
        <translation>모델 파일 추가…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Models to compare</source>
        <translation>비교할 모델</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>모델 (*.npz)</translation>
    </message>
    <message>
        <source>Evaluating {value} models on {value2:,} drawings…</source>
        <translation>모델 {value}개를 그림 {value2:,}개로 평가하는 중…</translation>
    </message>
    <message>
        <source>{value} model{value2} on {value3:,} drawings.</source>
        <translation>모델 {value}개, 그림 {value3:,}개.</translation>
    </message>
    <message>
        <source>
Not read: {error}</source>
        <translation>
읽지 못함: {error}</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Per drawer: accuracy (drawings)</source>
        <translation>그린 사람별: 정확도 (그림 수)</translation>
    </message>
</context>
<context>
    <name>Confusion</name>
    <message>
        <source>validation drawings (held out from training)</source>
        <translation>검증 그림 (학습에서 따로 둠)</translation>
    </message>
    <message>
        <source>all drawings</source>
        <translation>모든 그림</translation>
    </message>
    <message>
        <source>the imported test set</source>
        <translation>가져온 테스트 세트</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt; — which classes the network mixes up</source>
        <translation>&lt;b&gt;혼동 행렬&lt;/b&gt; — 신경망이 어떤 클래스들을 헷갈리는지</translation>
    </message>
    <message>
        <source>Row = the class a drawing really belongs to, column = what the network predicted. The diagonal holds the right answers. Each cell: how many drawings, and what share of that true class. Click a cell to show exactly those drawings in the gallery.</source>
        <translation>행 = 그림이 실제로 속한 클래스, 열 = 신경망의 예측. 대각선이 정답입니다. 칸마다: 그림 수, 그리고 그 실제 클래스에서 차지하는 비율. 칸을 클릭하면 바로 그 그림들을 갤러리에서 보여 줍니다.</translation>
    </message>
    <message>
        <source>Validation drawings were not used for training: they show how well the network does on drawings it has not seen.</source>
        <translation>검증 그림은 학습에 쓰지 않았습니다: 신경망이 보지 못한 그림에서 얼마나 잘하는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>아직 모델이 없습니다.</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>share of the true class (%)</source>
        <translation>실제 클래스에서의 비율 (%)</translation>
    </message>
    <message>
        <source>Click a cell to show its drawings in the gallery</source>
        <translation>칸을 클릭하면 그 그림들을 갤러리에서 보여 줍니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;Most confidently wrong&lt;/b&gt; — double-click to open in the canvas</source>
        <translation>&lt;b&gt;가장 확신하며 틀린 그림&lt;/b&gt; — 더블클릭하면 캔버스에서 열림</translation>
    </message>
    <message>
        <source>Drawings the network got wrong while being most sure of itself.
Often a mislabelled drawing, or a shape unlike the others of its class.</source>
        <translation>신경망이 가장 확신하면서 틀린 그림.
레이블이 잘못 붙은 그림이거나, 같은 클래스의 다른 그림과 닮지 않은 도형인 경우가 많습니다.</translation>
    </message>
    <message>
        <source>Show all wrong ones in the gallery</source>
        <translation>틀린 그림을 모두 갤러리에서 보기</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per drawer&lt;/b&gt; — how the network does on each person&apos;s drawings</source>
        <translation>&lt;b&gt;그린 사람별&lt;/b&gt; — 사람마다 그 사람의 그림에서 신경망이 얼마나 잘하는지</translation>
    </message>
    <message>
        <source>drawer</source>
        <translation>그린 사람</translation>
    </message>
    <message>
        <source>drawings</source>
        <translation>그림 수</translation>
    </message>
    <message>
        <source>right (%)</source>
        <translation>정답 (%)</translation>
    </message>
    <message>
        <source>Each drawer&apos;s drawings among those chosen above (the &quot;drawer&quot; key of each drawing).
Click a row to show that person&apos;s drawings in the gallery. A much lower share for one person
means the network has not learned their way of drawing: with Model › Validate on unseen
drawers the validation drawings are all by people it did not train on.</source>
        <translation>위에서 고른 그림 가운데 사람마다 그린 그림 (각 그림의 &quot;drawer&quot; 키).
행을 누르면 그 사람의 그림을 갤러리에 보여 줍니다. 한 사람의 비율이 훨씬 낮으면
신경망이 그 사람의 그리는 방식을 배우지 못한 것입니다. 모델 › 처음 보는 사람으로 검증을 켜면
검증 그림은 모두 신경망이 학습하지 않은 사람들의 것입니다.</translation>
    </message>
    <message>
        <source>Drawings:</source>
        <translation>그림:</translation>
    </message>
    <message>
        <source>{percent:.0f}%  ({right} right)</source>
        <translation>{percent:.0f}%  ({right}개 정답)</translation>
    </message>
    <message>
        <source>The imported test set is not split by drawer.</source>
        <translation>가져온 테스트 세트는 그린 사람별로 나뉘지 않습니다.</translation>
    </message>
    <message>
        <source>These drawings carry no drawer names, so the results cannot be split by drawer (File › Your drawer name… names yours).</source>
        <translation>이 그림들에는 그린 사람 이름이 없어서 결과를 사람별로 나눌 수 없습니다 (파일 › 그린 사람 이름…에서 내 이름을 정합니다).</translation>
    </message>
    <message>
        <source>{n} drawer{s}; click one to show their drawings in the gallery.</source>
        <translation>그린 사람 {n}명. 한 사람을 누르면 그 사람의 그림을 갤러리에 보여 줍니다.</translation>
    </message>
    <message>
        <source>class {value}</source>
        <translation>클래스 {value}</translation>
    </message>
    <message>
        <source>{right} of {n} drawings right ({value:.0f}%). {note}</source>
        <translation>그림 {n}개 중 {right}개 정답 ({value:.0f}%). {note}</translation>
    </message>
    <message>
        <source>test drawing </source>
        <translation>테스트 그림 </translation>
    </message>
    <message>
        <source>{where}#{value}: labelled “{value2}”, predicted “{value3}” ({value4:.0f}% sure)</source>
        <translation>{where}#{value}: 레이블 “{value2}”, 예측 “{value3}” (확신 {value4:.0f}%)</translation>
    </message>
    <message>
        <source>None: every drawing here is classified right.</source>
        <translation>없음: 여기의 모든 그림이 올바르게 분류되었습니다.</translation>
    </message>
</context>
<context>
    <name>ConvolutionLesson</name>
    <message>
        <source>5 · Convolution</source>
        <translation>5 · 합성곱</translation>
    </message>
    <message>
        <source>“How can we apply convolution on 1D time series data? Kernel: [−1, 1]; time series data: [0, 0, 0, 1, 0, 1, 1, 1]. N = 0: −1*0 + 1*0 = 0; N = 1: −1*0 + 1*0 = 0; N = 2: −1*0 + 1*1 = 1.” Then the 5×5 image with the 3×3 filter: “4” at the top left of the convolved feature.</source>
        <translation>“1차원 시계열 데이터에 합성곱을 어떻게 적용할까요? 커널: [−1, 1], 시계열 데이터: [0, 0, 0, 1, 0, 1, 1, 1]. N = 0: −1*0 + 1*0 = 0; N = 1: −1*0 + 1*0 = 0; N = 2: −1*0 + 1*1 = 1.” 다음은 5×5 이미지와 3×3 필터: 합성곱 특징의 왼쪽 위가 “4”입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;1-D convolution&lt;/b&gt;: the kernel slides along the signal; at each position N the output is the sum of kernel × signal under it. Position N = {n}.</source>
        <translation>&lt;b&gt;1차원 합성곱&lt;/b&gt;: 커널이 신호를 따라 미끄러지며, 각 위치 N의 출력은 커널 × 그 아래 신호의 합입니다. 위치 N = {n}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2-D convolution&lt;/b&gt;: the 3×3 filter slides over the 5×5 image; each output cell is the sum of the nine products. Output cell {value} of 9.</source>
        <translation>&lt;b&gt;2차원 합성곱&lt;/b&gt;: 3×3 필터가 5×5 이미지 위를 미끄러지며, 출력 칸마다 아홉 곱의 합입니다. 출력 칸 {value}/9.</translation>
    </message>
    <message>
        <source>&lt;b&gt;On your drawing&lt;/b&gt;: choose or paint a 3×3 kernel and see what it finds. Then put it into the trained model&apos;s first layer and watch that feature map and the prediction change.</source>
        <translation>&lt;b&gt;내 그림에서&lt;/b&gt;: 3×3 커널을 고르거나 칠해서 무엇을 찾아내는지 보세요. 그다음 학습된 모델의 첫 층에 넣고 그 특징 맵과 예측이 어떻게 바뀌는지 지켜보세요.</translation>
    </message>
    <message>
        <source>Signal (time series) — editable</source>
        <translation>신호 (시계열) — 편집 가능</translation>
    </message>
    <message>
        <source>Kernel — editable; it slides along the signal</source>
        <translation>커널 — 편집 가능. 신호를 따라 미끄러집니다</translation>
    </message>
    <message>
        <source>Output: output N = Σ kernel × the signal under it</source>
        <translation>출력: 출력 N = Σ 커널 × 그 아래 신호</translation>
    </message>
    <message>
        <source>Image — editable</source>
        <translation>이미지 — 편집 가능</translation>
    </message>
    <message>
        <source>Convolution filter — editable</source>
        <translation>합성곱 필터 — 편집 가능</translation>
    </message>
    <message>
        <source>Convolved feature</source>
        <translation>합성곱 특징</translation>
    </message>
    <message>
        <source>your own (edit the grid)</source>
        <translation>직접 만들기 (격자 편집)</translation>
    </message>
    <message>
        <source>filter </source>
        <translation>필터 </translation>
    </message>
    <message>
        <source>Put this kernel into the model&apos;s first layer</source>
        <translation>이 커널을 모델의 첫 층에 넣기</translation>
    </message>
    <message>
        <source>Replaces one learned filter of the first conv layer by your kernel (in a copy of the model: the real model is not changed)</source>
        <translation>첫 합성곱 층의 학습된 필터 하나를 내 커널로 바꿉니다 (모델의 사본에서: 실제 모델은 바뀌지 않음)</translation>
    </message>
    <message>
        <source>Back to the learned filter</source>
        <translation>학습된 필터로 되돌리기</translation>
    </message>
    <message>
        <source>Your drawing (28×28, as the model sees it)</source>
        <translation>내 그림 (28×28, 모델이 보는 그대로)</translation>
    </message>
    <message>
        <source>Kernel applied (engine Conv2D, zero padding)</source>
        <translation>커널 적용 (엔진 Conv2D, 제로 패딩)</translation>
    </message>
    <message>
        <source>response (no unit)</source>
        <translation>반응 (단위 없음)</translation>
    </message>
    <message>
        <source>Model&apos;s feature map, learned filter</source>
        <translation>모델의 특징 맵, 학습된 필터</translation>
    </message>
    <message>
        <source>Model&apos;s feature map, your kernel (+ that filter&apos;s bias)</source>
        <translation>모델의 특징 맵, 내 커널 (+ 그 필터의 편향)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kernel&lt;/b&gt;</source>
        <translation>&lt;b&gt;커널&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:x-large&apos;&gt;Row {value}, column {value2}: </source>
        <translation>&lt;span style=&apos;font-size:x-large&apos;&gt;{value}행, {value2}열: </translation>
    </message>
    <message>
        <source>random filter</source>
        <translation>무작위 필터</translation>
    </message>
    <message>
        <source>learned filter</source>
        <translation>학습된 필터</translation>
    </message>
    <message>
        <source>There is no model with a convolution layer to put the kernel into.</source>
        <translation>커널을 넣을 합성곱 층이 있는 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing on the canvas yet: draw a shape in the trainer, then come back.</source>
        <translation>캔버스가 아직 비어 있습니다: 학습 창에서 도형을 그린 다음 돌아오세요.</translation>
    </message>
    <message>
        <source>No model with a convolution layer yet (train one, or the MLP has none).</source>
        <translation>아직 합성곱 층이 있는 모델이 없습니다 (학습하세요. MLP에는 합성곱 층이 없습니다).</translation>
    </message>
    <message>
        <source>The network is untrained (random weights): it says &lt;b&gt;{value}&lt;/b&gt;, which means nothing yet.</source>
        <translation>신경망은 아직 학습되지 않았습니다 (무작위 가중치): &lt;b&gt;{value}&lt;/b&gt;(이)라고 하지만 아직 아무 의미가 없습니다.</translation>
    </message>
    <message>
        <source>Trained network ({note_text}): &lt;b&gt;{value}&lt;/b&gt;.</source>
        <translation>학습된 신경망 ({note_text}): &lt;b&gt;{value}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source> With your kernel as filter {value}: &lt;b&gt;{value2}&lt;/b&gt;.</source>
        <translation> 내 커널을 필터 {value}(으)로 쓰면: &lt;b&gt;{value2}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source> Press “Put this kernel…” to see the model with your kernel.</source>
        <translation> 내 커널을 넣은 모델을 보려면 “이 커널을…”을 누르세요.</translation>
    </message>
    <message>
        <source>class {number}</source>
        <translation>클래스 {number}</translation>
    </message>
</context>
<context>
    <name>CoreTraining</name>
    <message>
        <source>The network needs drawings in at least two classes to learn to tell them apart: add a few drawings to each class first.</source>
        <translation>신경망이 클래스를 구별하도록 배우려면 적어도 두 클래스에 그림이 있어야 합니다: 먼저 클래스마다 그림을 몇 개 추가하세요.</translation>
    </message>
    <message>
        <source>Training stopped after {step} steps, in epoch {value} of {epochs}.</source>
        <translation>학습이 {step} 단계 뒤, 에포크 {value}/{epochs}에서 멈췄습니다.</translation>
    </message>
    <message>
        <source>Training failed: {exc}

{value}</source>
        <translation>학습 실패: {exc}

{value}</translation>
    </message>
</context>
<context>
    <name>CornerLesson</name>
    <message>
        <source>1 · What is a representation? Counting corners</source>
        <translation>1 · 표현이란 무엇인가? 꼭짓점 세기</translation>
    </message>
    <message>
        <source>“If you try to classify the following shapes, the number of corners can be used as a Representation — square: 4 corners, triangle: 3, circle: 0. But how do we cope if this shape comes in? … Deep Learning automatically learns this representation.”</source>
        <translation>“다음 도형들을 분류하려 한다면 꼭짓점의 개수를 표현(Representation)으로 쓸 수 있습니다 — 사각형: 꼭짓점 4개, 삼각형: 3개, 원: 0개. 하지만 이런 도형이 들어오면 어떻게 할까요? … 딥러닝은 이 표현을 스스로 학습합니다.”</translation>
    </message>
    <message>
        <source>A hand-made representation: &lt;b&gt;count the corners&lt;/b&gt;. {rule} A clean square has &lt;b&gt;4&lt;/b&gt;.</source>
        <translation>사람이 만든 표현: &lt;b&gt;꼭짓점 세기&lt;/b&gt;. {rule} 반듯한 사각형은 &lt;b&gt;4&lt;/b&gt;개입니다.</translation>
    </message>
    <message>
        <source>A clean triangle has &lt;b&gt;3&lt;/b&gt; corners.</source>
        <translation>반듯한 삼각형의 꼭짓점은 &lt;b&gt;3&lt;/b&gt;개입니다.</translation>
    </message>
    <message>
        <source>A clean circle has &lt;b&gt;0&lt;/b&gt; corners. The rule: 4 → square, 3 → triangle, 0 → circle, anything else → irregular.</source>
        <translation>반듯한 원의 꼭짓점은 &lt;b&gt;0&lt;/b&gt;개입니다. 규칙: 4 → 사각형, 3 → 삼각형, 0 → 원, 그 밖 → 불규칙.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your drawing&lt;/b&gt; (from the canvas): its corners, what the corner rule says, and what the CNN says (once it is trained).</source>
        <translation>&lt;b&gt;내 그림&lt;/b&gt; (캔버스에서): 꼭짓점, 꼭짓점 규칙의 답, 그리고 (학습된 뒤의) CNN의 답.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The whole dataset&lt;/b&gt;, class by class: how often the corner rule is right, and how often the CNN is. Wobbly lines, rounded corners and irregular shapes break the rule.</source>
        <translation>&lt;b&gt;데이터셋 전체&lt;/b&gt;, 클래스별로: 꼭짓점 규칙이 얼마나 자주 맞는지, CNN은 얼마나 자주 맞는지. 흔들린 선, 둥근 모서리, 불규칙한 도형은 규칙을 깨뜨립니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where counting corners fails&lt;/b&gt;: drawings the rule gets wrong. The CNN never counts anything: it learned its own representation from the examples.</source>
        <translation>&lt;b&gt;꼭짓점 세기가 실패하는 곳&lt;/b&gt;: 규칙이 틀리는 그림들. CNN은 아무것도 세지 않습니다: 예제로부터 자신만의 표현을 학습했습니다.</translation>
    </message>
    <message>
        <source>Grey: the strokes as drawn. Blue: simplified. Red dots: the corners found.</source>
        <translation>회색: 그린 그대로의 획. 파랑: 단순화한 선. 빨간 점: 찾은 꼭짓점.</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>drawings</source>
        <translation>그림 수</translation>
    </message>
    <message>
        <source>corner rule
right</source>
        <translation>꼭짓점 규칙
정답</translation>
    </message>
    <message>
        <source>CNN
right</source>
        <translation>CNN
정답</translation>
    </message>
    <message>
        <source>Per true class: the share of its drawings each method classifies correctly.</source>
        <translation>실제 클래스별로: 각 방법이 그 클래스의 그림을 올바르게 분류한 비율.</translation>
    </message>
    <message>
        <source>The strokes are joined and simplified (wobbles smaller than {simplify:g} % of the drawing&apos;s diagonal are removed). Turns at bends closer together than {short:g} % of the diagonal are added up into one, and every (added-up) turn of at least {degrees:g}° is a corner.</source>
        <translation>획을 잇고 단순화합니다 (그림 대각선의 {simplify:g} %보다 작은 흔들림은 없앱니다). 대각선의 {short:g} %보다 가까이 붙은 꺾임은 하나로 더하고, (더한) 꺾임이 {degrees:g}° 이상이면 꼭짓점입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} corners&lt;/b&gt; → the rule says &lt;b&gt;{kind}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;꼭짓점 {count}개&lt;/b&gt; → 규칙의 답은 &lt;b&gt;{kind}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Nothing on the canvas yet: draw a shape in the trainer, then come back.</source>
        <translation>캔버스가 아직 비어 있습니다: 학습 창에서 도형을 그린 다음 돌아오세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} corners&lt;/b&gt; → the corner rule says &lt;b&gt;{rule_class}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;꼭짓점 {count}개&lt;/b&gt; → 꼭짓점 규칙의 답은 &lt;b&gt;{rule_class}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source> The CNN says &lt;b&gt;{value}&lt;/b&gt; ({value2:.0f} % sure).</source>
        <translation> CNN의 답은 &lt;b&gt;{value}&lt;/b&gt; (확신 {value2:.0f} %).</translation>
    </message>
    <message>
        <source> The CNN has not been trained yet, so it has no answer worth showing.</source>
        <translation> CNN은 아직 학습되지 않아서 보여 줄 만한 답이 없습니다.</translation>
    </message>
    <message>
        <source>class {number}</source>
        <translation>클래스 {number}</translation>
    </message>
    <message>
        <source>No dataset yet.</source>
        <translation>아직 데이터셋이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;On your dataset&lt;/b&gt;: {n} drawings</source>
        <translation>&lt;b&gt;내 데이터셋에서&lt;/b&gt;: 그림 {n}개</translation>
    </message>
    <message>
        <source> (a sample of the {value}, each class in its share)</source>
        <translation> ({value}개 중 표본, 클래스마다 그 비율대로)</translation>
    </message>
    <message>
        <source> — the CNN is not trained yet, so no CNN column</source>
        <translation> — CNN이 아직 학습되지 않아 CNN 열은 없습니다</translation>
    </message>
    <message>
        <source>. CNN: {note_text}. It was trained on most of these drawings, so its column flatters it a little.</source>
        <translation>. CNN: {note_text}. 이 그림 대부분으로 학습했으므로 CNN 열은 조금 후하게 나옵니다.</translation>
    </message>
    <message>
        <source>The corner rule is right for {value} of {value2} drawings</source>
        <translation>꼭짓점 규칙은 그림 {value2}개 중 {value}개를 맞힙니다</translation>
    </message>
    <message>
        <source>; the CNN for {cnn}</source>
        <translation>. CNN은 {cnn}개</translation>
    </message>
    <message>
        <source>{label}
{count} corners → {rule_class}</source>
        <translation>{label}
꼭짓점 {count}개 → {rule_class}</translation>
    </message>
    <message>
        <source>{label}
{count} corners → {value}</source>
        <translation>{label}
꼭짓점 {count}개 → {value}</translation>
    </message>
    <message>
        <source>
CNN: {cnn}</source>
        <translation>
CNN: {cnn}</translation>
    </message>
    <message>
        <source>{value} drawings where counting corners gets the class wrong; the first {value2} are shown.</source>
        <translation>꼭짓점 세기가 클래스를 틀린 그림 {value}개. 처음 {value2}개를 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>DataHealth</name>
    <message>
        <source>Too few: “{label}” has {n} drawing{s} (at least {least} per class help the network learn it).</source>
        <translation>너무 적음: “{label}”의 그림은 {n}개입니다 (클래스마다 {least}개 이상이어야 신경망이 배우기 쉽습니다).</translation>
    </message>
    <message>
        <source>Imbalance: “{big}” has {n_big} drawings but “{small}” only {n_small} ({ratio:.1f}×); the network may favour “{big}”. Draw more “{small}” shapes.</source>
        <translation>불균형: “{big}”의 그림은 {n_big}개인데 “{small}”은(는) {n_small}개뿐입니다 ({ratio:.1f}×). 신경망이 “{big}” 쪽으로 치우칠 수 있습니다. “{small}” 도형을 더 그리세요.</translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>{base_name} (read-only)</source>
        <translation>{base_name} (읽기 전용)</translation>
    </message>
    <message>
        <source>no dataset</source>
        <translation>데이터셋 없음</translation>
    </message>
    <message>
        <source>not a drawing file: no line of it is a drawing ({message}); it was left untouched</source>
        <translation>그림 파일이 아닙니다: 그림인 줄이 하나도 없습니다 ({message}). 파일은 건드리지 않았습니다</translation>
    </message>
    <message>
        <source>import {n} drawings</source>
        <translation>그림 {n}개 가져오기</translation>
    </message>
    <message>
        <source>delete {n} drawing{s}</source>
        <translation>그림 {n}개 삭제</translation>
    </message>
    <message>
        <source>relabel {n} drawing{s}</source>
        <translation>그림 {n}개 클래스 바꾸기</translation>
    </message>
    <message>
        <source>{value} of the selected drawings belong to the {value2}, which is read-only: they cannot be {what}. Untick “Include {value2}” to leave it out of training, or select only your own drawings (gallery: Mine only).</source>
        <translation>선택한 그림 중 {value}개는 읽기 전용인 {value2}에 속합니다: {what} 수 없습니다. 학습에서 빼려면 “{value2} 포함”의 체크를 해제하거나, 내 그림만 선택하세요 (갤러리: 내 그림만).</translation>
    </message>
    <message>
        <source>Nothing to add: draw a shape on the canvas first.</source>
        <translation>추가할 것이 없습니다: 먼저 캔버스에 도형을 그리세요.</translation>
    </message>
    <message>
        <source>There is no class called “{label}”.</source>
        <translation>“{label}”(이)라는 클래스가 없습니다.</translation>
    </message>
    <message>
        <source>moved to another class</source>
        <translation>다른 클래스로 옮김</translation>
    </message>
    <message>
        <source>label {lab!r} is not one of the classes {value}</source>
        <translation>레이블 {lab!r}은(는) 클래스 {value} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>val_fraction must be in [0, 1)</source>
        <translation>val_fraction은 [0, 1) 범위여야 합니다</translation>
    </message>
    <message>
        <source>no training data: add some drawings first</source>
        <translation>학습 데이터 없음: 먼저 그림을 몇 개 추가하세요</translation>
    </message>
    <message>
        <source>the helper could not be started or fed</source>
        <translation>도우미 프로세스를 시작하거나 데이터를 넘겨주지 못했습니다</translation>
    </message>
    <message>
        <source>the helper process ended</source>
        <translation>도우미 프로세스가 끝났습니다</translation>
    </message>
</context>
<context>
    <name>DepthLesson</name>
    <message>
        <source>raw pixels</source>
        <translation>원래 픽셀</translation>
    </message>
    <message>
        <source>after conv block 1</source>
        <translation>합성곱 블록 1 뒤</translation>
    </message>
    <message>
        <source>after conv block 2</source>
        <translation>합성곱 블록 2 뒤</translation>
    </message>
    <message>
        <source>hidden layer (64)</source>
        <translation>은닉층 (64)</translation>
    </message>
    <message>
        <source>8 · Then, how deep?</source>
        <translation>8 · 그렇다면 얼마나 깊게?</translation>
    </message>
    <message>
        <source>“Deep Learning can be considered as special case of representation learning algorithms which learn representations of the data in a Deep Architecture with multiple levels of representations.” — “Then, how deep?”</source>
        <translation>“딥러닝은 여러 수준의 표현을 가진 깊은 구조에서 데이터의 표현을 학습하는 표현 학습 알고리즘의 특수한 경우로 볼 수 있다.” — “그렇다면 얼마나 깊게?”</translation>
    </message>
    <message>
        <source>&lt;b&gt;The question.&lt;/b&gt; Does a deeper network represent your drawings better? &lt;b&gt;Run the comparison&lt;/b&gt; trains three networks on the open dataset, in the background: 0 conv blocks (an MLP with the same hidden layer of 64), 1 conv block, and 2 conv blocks (the default CNN). Each gets the same budget — about {steps} mini-batches of 32, the same learning rate, the same shuffling — and the same quarter of the drawings is kept aside to validate. These are new networks, not the app&apos;s own.</source>
        <translation>&lt;b&gt;질문.&lt;/b&gt; 더 깊은 신경망이 내 그림을 더 잘 표현할까요? &lt;b&gt;비교 실행&lt;/b&gt;은 열린 데이터셋으로 신경망 세 개를 백그라운드에서 학습합니다: 합성곱 블록 0개 (같은 64개짜리 은닉층을 가진 MLP), 합성곱 블록 1개, 합성곱 블록 2개 (기본 CNN). 모두 같은 예산을 받습니다 — 크기 32의 미니배치 약 {steps}개, 같은 학습률, 같은 섞기 — 그리고 그림의 같은 4분의 1을 검증용으로 따로 둡니다. 앱의 신경망이 아니라 새 신경망들입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy.&lt;/b&gt; The share of the held-out drawings each network classifies right after the same budget, with its number of weights and the seconds it trained on this computer.</source>
        <translation>&lt;b&gt;정확도.&lt;/b&gt; 같은 예산으로 학습한 뒤 각 신경망이 따로 둔 그림 가운데 올바르게 분류한 비율, 그리고 가중치 수와 이 컴퓨터에서 학습에 걸린 초.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer by layer.&lt;/b&gt; The linear probe (a straight-line classifier, scored by leave-one-out, as in Analysis › Representations) on every layer of each network: where do the classes become separable by a straight cut? A dash: that network has no such layer.</source>
        <translation>&lt;b&gt;층마다.&lt;/b&gt; 각 신경망의 모든 층에 선형 탐침 (직선 분류기, 분석 › 표현에서처럼 하나 빼기 교차 검증으로 채점): 클래스들이 어디에서 직선 하나로 나뉘게 될까요? 줄표(—): 그 신경망에는 그런 층이 없습니다.</translation>
    </message>
    <message>
        <source>Run the comparison</source>
        <translation>비교 실행</translation>
    </message>
    <message>
        <source>Train the three networks on the open dataset in the background</source>
        <translation>열린 데이터셋으로 신경망 세 개를 백그라운드에서 학습합니다</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>아직 실행하지 않았습니다.</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>가중치 수</translation>
    </message>
    <message>
        <source>validation
accuracy</source>
        <translation>검증
정확도</translation>
    </message>
    <message>
        <source>training
accuracy</source>
        <translation>학습
정확도</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>{b} conv
block</source>
        <translation>합성곱
블록 {b}개</translation>
    </message>
    <message>
        <source>{b} conv
blocks</source>
        <translation>합성곱
블록 {b}개</translation>
    </message>
    <message>
        <source>Leave-one-out accuracy of a linear probe on each layer of each network (each layer summed up by at most 256 numbers per drawing)</source>
        <translation>각 신경망의 층마다 선형 탐침의 하나 빼기 교차 검증 정확도 (각 층은 그림마다 최대 256개의 숫자로 요약)</translation>
    </message>
    <message>
        <source>Each network after the same training budget on your drawings</source>
        <translation>내 그림으로 같은 학습 예산을 쓴 뒤의 각 신경망</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy after the same budget&lt;/b&gt;</source>
        <translation>&lt;b&gt;같은 예산 뒤의 정확도&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Linear probe per layer&lt;/b&gt; (leave-one-out accuracy)</source>
        <translation>&lt;b&gt;층별 선형 탐침&lt;/b&gt; (하나 빼기 교차 검증 정확도)</translation>
    </message>
    <message>
        <source>Draw (or open) drawings of at least two classes first.</source>
        <translation>먼저 적어도 두 클래스의 그림을 그리세요 (또는 여세요).</translation>
    </message>
    <message>
        <source>Training 3 networks on {n:,} drawings in the background …</source>
        <translation>그림 {n:,}개로 신경망 3개를 백그라운드에서 학습하는 중 …</translation>
    </message>
    <message>
        <source>Training the network with {blocks} conv block{s}: step {step} of {steps} …</source>
        <translation>합성곱 블록 {blocks}개인 신경망 학습 중: 단계 {step}/{steps} …</translation>
    </message>
    <message>
        <source>The comparison failed: {message}</source>
        <translation>비교에 실패했습니다: {message}</translation>
    </message>
    <message>
        <source>0 conv blocks (MLP)</source>
        <translation>합성곱 블록 0개 (MLP)</translation>
    </message>
    <message>
        <source>{b} conv block{s}</source>
        <translation>합성곱 블록 {b}개</translation>
    </message>
    <message>
        <source>Trained on your {n:,} drawings (a quarter of them held out to validate); the networks are this lesson&apos;s own, not the app&apos;s.</source>
        <translation>내 그림 {n:,}개로 학습했습니다 (그 4분의 1은 검증용으로 따로 둠). 이 신경망들은 앱의 것이 아니라 이 강의의 것입니다.</translation>
    </message>
    <message>
        <source> &lt;b&gt;The dataset has changed since: run again to compare on it.&lt;/b&gt;</source>
        <translation> &lt;b&gt;그 뒤로 데이터셋이 바뀌었습니다: 바뀐 데이터셋으로 비교하려면 다시 실행하세요.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DepthStudy</name>
    <message>
        <source>need drawings of at least two classes, a few of each, to train and to validate</source>
        <translation>학습하고 검증하려면 두 개 이상의 클래스에 그림이 각각 몇 개씩 필요합니다</translation>
    </message>
</context>
<context>
    <name>DrawerNameDialog</name>
    <message>
        <source>&lt;b&gt;Who is drawing?&lt;/b&gt;&lt;br&gt;Pick a name for your drawings: a nickname is fine, no real name needed. It is saved with every drawing you add. When a class pools its drawings, the model can then be tested on people it has never seen, and results can be shown per person.</source>
        <translation>&lt;b&gt;누가 그리나요?&lt;/b&gt;&lt;br&gt;내 그림에 붙일 이름을 정하세요: 별명도 괜찮고, 실명은 필요 없습니다. 이름은 내가 추가하는 모든 그림과 함께 저장됩니다. 반 전체가 그림을 모으면, 모델을 한 번도 보지 못한 사람의 그림으로 시험하고 결과를 사람별로 보여 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>You can change it at any time under File › Your drawer name…. Leave it empty to stay anonymous.</source>
        <translation>언제든지 파일 › 그린 사람 이름…에서 바꿀 수 있습니다. 비워 두면 익명으로 남습니다.</translation>
    </message>
    <message>
        <source>Your drawer name</source>
        <translation>그린 사람 이름</translation>
    </message>
    <message>
        <source>Stored as the key &quot;drawer&quot; of each drawing you add (at most {count} characters)</source>
        <translation>내가 추가하는 각 그림의 &quot;drawer&quot; 키로 저장됩니다 (최대 {count}자)</translation>
    </message>
    <message>
        <source>Use this name</source>
        <translation>이 이름 쓰기</translation>
    </message>
    <message>
        <source>Stay anonymous</source>
        <translation>익명으로 남기</translation>
    </message>
    <message>
        <source>Your drawings are marked &quot;anonymous&quot;</source>
        <translation>내 그림이 &quot;anonymous&quot;(익명)로 표시됩니다</translation>
    </message>
</context>
<context>
    <name>Drawing</name>
    <message>
        <source>{what} holds a value that is not a finite number</source>
        <translation>{what}에 유한한 수가 아닌 값이 있습니다</translation>
    </message>
    <message>
        <source>{what} has a coordinate beyond ±{limit:g} (limit in engine.limits)</source>
        <translation>{what}에 ±{limit:g}을(를) 넘는 좌표가 있습니다 (한도: engine.limits)</translation>
    </message>
    <message>
        <source>stroke {k} must hold lists of numbers</source>
        <translation>획 {k}은(는) 숫자 목록으로 이루어져야 합니다</translation>
    </message>
    <message>
        <source>stroke {k} holds a value that is not a finite number</source>
        <translation>획 {k}에 유한한 수가 아닌 값이 있습니다</translation>
    </message>
    <message>
        <source>a stroke must be an (n, 2) or (n, 3) array of x, y(, t); got shape {shape}</source>
        <translation>획은 x, y(, t)의 (n, 2) 또는 (n, 3) 배열이어야 합니다. 받은 모양: {shape}</translation>
    </message>
    <message>
        <source>a stroke must have at least one point</source>
        <translation>획에는 점이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>a stroke</source>
        <translation>획</translation>
    </message>
    <message>
        <source>too many strokes ({strokes:,}; at most {limit:,} in one drawing)</source>
        <translation>획이 너무 많습니다 ({strokes:,}개. 그림 하나에 최대 {limit:,}개)</translation>
    </message>
    <message>
        <source>too many points ({points:,}; at most {limit:,} in one drawing)</source>
        <translation>점이 너무 많습니다 ({points:,}개. 그림 하나에 최대 {limit:,}개)</translation>
    </message>
    <message>
        <source>the strokes are {ratio:,.0f} times as long as the drawing is wide (at most {limit:g}; limit in engine.limits)</source>
        <translation>획의 길이가 그림 너비의 {ratio:,.0f}배입니다 (최대 {limit:g}배. 한도: engine.limits)</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must be a number in (0, {limit:g}], got {value}</source>
        <translation>&quot;{key}&quot;은(는) (0, {limit:g}] 범위의 수여야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>the extra keys nest more than {limit} levels deep</source>
        <translation>추가 키가 {limit}단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>an empty drawing (no strokes) cannot be used: draw something first</source>
        <translation>빈 그림(획 없음)은 쓸 수 없습니다. 먼저 무언가를 그리세요</translation>
    </message>
    <message>
        <source>the label must be a string, got {kind}</source>
        <translation>레이블은 문자열이어야 합니다. 받은 형식: {kind}</translation>
    </message>
    <message>
        <source>expected a JSON object, got {kind}</source>
        <translation>JSON 객체가 와야 하는데 {kind}이(가) 왔습니다</translation>
    </message>
    <message>
        <source>missing &quot;word&quot; (the label)</source>
        <translation>&quot;word&quot;(레이블)가 없습니다</translation>
    </message>
    <message>
        <source>missing &quot;drawing&quot; (the strokes)</source>
        <translation>&quot;drawing&quot;(획)이 없습니다</translation>
    </message>
    <message>
        <source>&quot;word&quot; must be a string</source>
        <translation>&quot;word&quot;는 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>&quot;drawing&quot; must be a list of strokes [[xs, ys], ...]</source>
        <translation>&quot;drawing&quot;은 획의 목록 [[xs, ys], ...]이어야 합니다</translation>
    </message>
    <message>
        <source>stroke {k} must be [xs, ys] or [xs, ys, ts]</source>
        <translation>획 {k}은(는) [xs, ys] 또는 [xs, ys, ts]여야 합니다</translation>
    </message>
    <message>
        <source>stroke {k} holds a number too large for a coordinate</source>
        <translation>획 {k}에 좌표로 쓰기에 너무 큰 수가 있습니다</translation>
    </message>
    <message>
        <source>stroke {k} has lists of different lengths</source>
        <translation>획 {k}의 목록들은 길이가 서로 다릅니다</translation>
    </message>
    <message>
        <source>stroke {k} has a coordinate beyond ±{limit:g} (limit in engine.limits)</source>
        <translation>획 {k}에 ±{limit:g}을(를) 넘는 좌표가 있습니다 (한도: engine.limits)</translation>
    </message>
    <message>
        <source>empty drawing (no points)</source>
        <translation>빈 그림 (점 없음)</translation>
    </message>
</context>
<context>
    <name>DrawingFile</name>
    <message>
        <source>{path}:{line}: {message}</source>
        <translation>{path}:{line}: {message}</translation>
    </message>
    <message>
        <source>{name} is not a JSON number</source>
        <translation>{name}은(는) JSON 수가 아닙니다</translation>
    </message>
    <message>
        <source>not valid UTF-8 text (byte {byte})</source>
        <translation>올바른 UTF-8 텍스트가 아닙니다 ({byte}번째 바이트)</translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at column {column}</source>
        <translation>올바른 JSON이 아닙니다: {column}번째 열에서 {reason}</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>올바른 JSON이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>not valid JSON for a drawing: nested too deeply</source>
        <translation>그림으로 쓸 수 있는 JSON이 아닙니다: 너무 깊게 중첩됨</translation>
    </message>
    <message>
        <source>not valid JSON for a drawing: {reason}</source>
        <translation>그림으로 쓸 수 있는 JSON이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>and {more:,} more bad lines from here on (not listed)</source>
        <translation>여기서부터 잘못된 줄이 {more:,}개 더 있습니다 (목록에 없음)</translation>
    </message>
    <message>
        <source>a line longer than {mib} MiB; not read</source>
        <translation>{mib} MiB보다 긴 줄. 읽지 않음</translation>
    </message>
    <message>
        <source>torn last line (incomplete write, {size} bytes): {reason}</source>
        <translation>잘린 마지막 줄 (쓰기가 끝나지 않음, {size}바이트): {reason}</translation>
    </message>
    <message>
        <source>not a drawing: {reason}</source>
        <translation>그림이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>{problem}; cut off, the fragment is kept in {path}</source>
        <translation>{problem}. 잘라 냈고, 조각은 {path}에 보관했습니다</translation>
    </message>
    <message>
        <source>No space left on device ({written} of {size} bytes written)</source>
        <translation>장치에 남은 공간이 없습니다 ({size}바이트 중 {written}바이트 씀)</translation>
    </message>
    <message>
        <source>a label must be a non-empty string</source>
        <translation>레이블은 비어 있지 않은 문자열이어야 합니다</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>unknown format {fmt!r}; choose one of {value}</source>
        <translation>알 수 없는 형식 {fmt!r}. 다음 중 하나를 고르세요: {value}</translation>
    </message>
    <message>
        <source>{name}: the exported model gives outputs of shape {value}, the engine {value2}</source>
        <translation>{name}: 내보낸 모델의 출력 모양은 {value}, 엔진의 출력 모양은 {value2}입니다</translation>
    </message>
    <message>
        <source>{name}: the exported model gives non-finite outputs</source>
        <translation>{name}: 내보낸 모델이 유한하지 않은 값을 출력합니다</translation>
    </message>
    <message>
        <source>{name}: the exported model disagrees with ShapeLab on the {n_expected} check drawings (largest probability difference {diff:.2e}, allowed {TOLERANCE:.0e}; different top class on {differ}); nothing was written</source>
        <translation>{name}: 확인용 그림 {n_expected}개에서 내보낸 모델이 ShapeLab과 다른 결과를 냅니다 (가장 큰 확률 차이 {diff:.2e}, 허용 {TOLERANCE:.0e}. 1순위 클래스가 다른 그림 {differ}개). 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>ONNX export needs the {module!r} package, which is not installed; install it with: {INSTALL_HINT}</source>
        <translation>ONNX로 내보내려면 {module!r} 패키지가 필요한데 설치되어 있지 않습니다. 다음으로 설치하세요: {INSTALL_HINT}</translation>
    </message>
    <message>
        <source>layer {i} ({kind}) has no ONNX counterpart here</source>
        <translation>층 {i} ({kind})에 해당하는 ONNX 연산이 여기에는 없습니다</translation>
    </message>
    <message>
        <source>onnx.checker (full) and onnxruntime</source>
        <translation>onnx.checker (전체 검사)와 onnxruntime</translation>
    </message>
    <message>
        <source>TensorFlow.js export takes one-channel models; this one has {c} channels</source>
        <translation>TensorFlow.js 내보내기는 채널이 하나인 모델만 받습니다. 이 모델의 채널은 {c}개입니다</translation>
    </message>
    <message>
        <source>the ml5 variant needs an input size dividing {ML5_SIZE} (this model: {h})</source>
        <translation>ml5용 모델은 입력 크기가 {ML5_SIZE}의 약수여야 합니다 (이 모델: {h})</translation>
    </message>
    <message>
        <source>layer {i} ({kind}) has no TensorFlow.js counterpart here</source>
        <translation>층 {i} ({kind})에 해당하는 TensorFlow.js 층이 여기에는 없습니다</translation>
    </message>
    <message>
        <source>activation {name!r} is not supported by the NumPy re-run</source>
        <translation>활성화 함수 {name!r}은(는) NumPy 재실행에서 지원하지 않습니다</translation>
    </message>
    <message>
        <source>{folder}: weights.bin holds {n_blob} bytes, the manifest {offset}</source>
        <translation>{folder}: weights.bin은 {n_blob}바이트인데 목록(manifest)은 {offset}바이트입니다</translation>
    </message>
    <message>
        <source>input of shape {value}, the model takes {value2}</source>
        <translation>입력 모양은 {value}인데 모델은 {value2}을(를) 받습니다</translation>
    </message>
    <message>
        <source>{out}: is a file; TensorFlow.js export writes a folder</source>
        <translation>{out}: 파일입니다. TensorFlow.js 내보내기는 폴더를 씁니다</translation>
    </message>
    <message>
        <source>NumPy re-run of the written channels-last graph</source>
        <translation>기록한 채널-마지막(channels-last) 그래프를 NumPy로 다시 실행</translation>
    </message>
    <message>
        <source>{weights}: weight {k} does not load back unchanged; nothing was written</source>
        <translation>{weights}: 가중치 {k}이(가) 그대로 다시 읽히지 않습니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>{code}: the loader does not compile ({e}); nothing was written</source>
        <translation>{code}: 로더가 컴파일되지 않습니다 ({e}). 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>weights reload bit for bit, loader compiles (torch not installed: not run)</source>
        <translation>가중치가 비트 단위로 똑같이 다시 읽히고 로더가 컴파일됨 (torch가 설치되지 않아 실행하지 않음)</translation>
    </message>
    <message>
        <source>the loader run in PyTorch</source>
        <translation>PyTorch에서 로더를 실행함</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>TensorFlow.js folder for Teachable Machine and ml5 (*)</source>
        <translation>Teachable Machine과 ml5용 TensorFlow.js 폴더 (*)</translation>
    </message>
    <message>
        <source>PyTorch: weights .npz + loader .py (*.py)</source>
        <translation>PyTorch: 가중치 .npz + 불러오기 코드 .py (*.py)</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>보고서 내보내기(&amp;R)…</translation>
    </message>
    <message>
        <source>One HTML file with the dataset, the run, the results, the filters and a model card</source>
        <translation>데이터셋, 학습 과정, 결과, 필터와 모델 카드를 담은 HTML 파일 하나</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>{title} as PNG…</source>
        <translation>{title} PNG로 저장…</translation>
    </message>
    <message>
        <source>Save the {value} panel as shown, as a PNG picture</source>
        <translation>{value} 패널을 보이는 그대로 PNG 그림으로 저장</translation>
    </message>
    <message>
        <source>{title} as CSV…</source>
        <translation>{title} CSV로 저장…</translation>
    </message>
    <message>
        <source>Save the numbers of the {value} panel as a CSV table</source>
        <translation>{value} 패널의 숫자를 CSV 표로 저장</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the model as ONNX, TensorFlow.js or PyTorch (checked before it is written)</source>
        <translation>모델을 ONNX, TensorFlow.js 또는 PyTorch로 내보내기 (쓰기 전에 검사함)</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <source>ONNX export needs two more packages</source>
        <translation>ONNX 내보내기에는 패키지 두 개가 더 필요합니다</translation>
    </message>
    <message>
        <source>ONNX export uses the optional packages onnx and onnxruntime, which are not installed. Install them with:

    {ONNX_INSTALL_HINT}

TensorFlow.js and PyTorch exports work without them.</source>
        <translation>ONNX 내보내기는 선택 패키지 onnx와 onnxruntime을 쓰는데, 설치되어 있지 않습니다. 다음으로 설치하세요:

    {ONNX_INSTALL_HINT}

TensorFlow.js와 PyTorch 내보내기는 이것 없이도 됩니다.</translation>
    </message>
    <message>
        <source>Exported the model as {value} — checked on {samples} drawings ({checked}</source>
        <translation>모델을 {value}(으)로 내보냈습니다 — 그림 {samples}개로 검사함 ({checked}</translation>
    </message>
    <message>
        <source>, largest difference {max_diff:.1e}</source>
        <translation>, 최대 차이 {max_diff:.1e}</translation>
    </message>
    <message>
        <source>Exporting the model as {format}…</source>
        <translation>모델을 {format}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 보고서 (*.html)</translation>
    </message>
    <message>
        <source>Nothing to report</source>
        <translation>보고할 내용이 없습니다</translation>
    </message>
    <message>
        <source>The dataset has no drawings yet.</source>
        <translation>데이터셋에 아직 그림이 없습니다.</translation>
    </message>
    <message>
        <source>the model in ShapeLab</source>
        <translation>ShapeLab의 모델</translation>
    </message>
    <message>
        <source>drawing {number}</source>
        <translation>그림 {number}</translation>
    </message>
    <message>
        <source>ShapeLab {value}</source>
        <translation>ShapeLab {value}</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>보고서를 {path}에 썼습니다</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>보고서를 쓰는 중…</translation>
    </message>
    <message>
        <source>Could not export the model</source>
        <translation>모델을 내보내지 못했습니다</translation>
    </message>
    <message>
        <source>Could not write the report</source>
        <translation>보고서를 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>Export running</source>
        <translation>내보내기 진행 중</translation>
    </message>
    <message>
        <source>Wait for the export that is running to finish.</source>
        <translation>진행 중인 내보내기가 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>There is no model yet: add drawings and train first.</source>
        <translation>아직 모델이 없습니다: 먼저 그림을 추가하고 학습하세요.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ShapeLab {value}&lt;/h3&gt;&lt;p&gt;Draw squares, triangles, circles and other shapes, label them, and watch a small convolutional network learn to tell them apart: the loss falls, the filters sharpen, the feature maps of your drawing light up.&lt;/p&gt;&lt;p&gt;The network is written from scratch in NumPy; the window is Qt (PySide6) with pyqtgraph plots.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; MIT.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Libraries used:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;{libs}&lt;/ul&gt;&lt;p&gt;Your drawings and settings are kept in&lt;br&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ShapeLab {value}&lt;/h3&gt;&lt;p&gt;사각형, 삼각형, 원과 다른 도형을 그리고 레이블을 붙인 뒤, 작은 합성곱 신경망이 이들을 구별하도록 학습하는 모습을 지켜보세요: 손실이 줄고, 필터가 또렷해지고, 그림의 특징 맵이 밝아집니다.&lt;/p&gt;&lt;p&gt;신경망은 NumPy로 처음부터 작성했고, 창은 Qt(PySide6)와 pyqtgraph 그래프로 만들었습니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;라이선스:&lt;/b&gt; MIT.&lt;/p&gt;&lt;p&gt;&lt;b&gt;사용한 라이브러리:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;{libs}&lt;/ul&gt;&lt;p&gt;그림과 설정은 다음 위치에 저장됩니다&lt;br&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About ShapeLab</source>
        <translation>ShapeLab 정보</translation>
    </message>
</context>
<context>
    <name>FeatureMaps</name>
    <message>
        <source>each filter slid over its input: one map per filter</source>
        <translation>각 필터가 입력 위를 미끄러짐: 필터마다 맵 하나</translation>
    </message>
    <message>
        <source>negative values set to 0 (max(0, x))</source>
        <translation>음수 값을 0으로 (max(0, x))</translation>
    </message>
    <message>
        <source>squashed into 0 … 1</source>
        <translation>0 … 1로 압축</translation>
    </message>
    <message>
        <source>squashed into −1 … 1</source>
        <translation>−1 … 1로 압축</translation>
    </message>
    <message>
        <source>largest value of each 2×2 window: half the size</source>
        <translation>2×2 창마다 가장 큰 값: 크기는 절반</translation>
    </message>
    <message>
        <source>mean of each 2×2 window: half the size</source>
        <translation>2×2 창마다 평균: 크기는 절반</translation>
    </message>
    <message>
        <source>Block {block} · {stage} · {c}×{h}×{w}</source>
        <translation>블록 {block} · {stage} · {c}×{h}×{w}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Feature maps&lt;/b&gt; — what each layer makes of the drawing on the canvas</source>
        <translation>&lt;b&gt;특징 맵&lt;/b&gt; — 각 층이 캔버스의 그림을 어떻게 바꾸는지</translation>
    </message>
    <message>
        <source>Each small image is one feature map: where in the drawing a filter responds. Blue = negative, light grey = 0, yellow = positive; each block&apos;s three stages share its colour scale.</source>
        <translation>작은 이미지 하나가 특징 맵 하나입니다: 그림의 어디에서 필터가 반응하는지. 파랑 = 음수, 연회색 = 0, 노랑 = 양수. 블록의 세 단계는 같은 색 눈금을 씁니다.</translation>
    </message>
    <message>
        <source>Draw something on the canvas to see what the network makes of it.</source>
        <translation>캔버스에 무언가를 그리면 신경망이 그것을 어떻게 바꾸는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>conv: every filter slid over its input gives one map.
ReLU: negative values become 0.
pool: each 2×2 window is replaced by one value, so the maps get smaller
and small shifts of the drawing matter less.</source>
        <translation>합성곱(conv): 입력 위를 미끄러진 필터마다 맵 하나가 나옵니다.
ReLU: 음수 값은 0이 됩니다.
풀링(pool): 2×2 창마다 값 하나로 바뀌므로 맵이 작아지고
그림이 조금 움직여도 덜 중요해집니다.</translation>
    </message>
    <message>
        <source>Feature maps of the drawing on the canvas</source>
        <translation>캔버스 그림의 특징 맵</translation>
    </message>
    <message>
        <source> Ctrl+C copies every value as a table; the right-click menu saves it.</source>
        <translation> Ctrl+C는 모든 값을 표로 복사하고, 오른쪽 클릭 메뉴는 저장합니다.</translation>
    </message>
    <message>
        <source>Model: {text}</source>
        <translation>모델: {text}</translation>
    </message>
    <message>
        <source>: nothing learned yet</source>
        <translation>: 아직 학습한 것이 없음</translation>
    </message>
    <message>
        <source>This model has no convolution layers (the MLP preset), so there are no feature maps: it looks at all 784 pixels at once.</source>
        <translation>이 모델에는 합성곱 층이 없어서 (MLP 프리셋) 특징 맵이 없습니다: 784개 픽셀을 한꺼번에 봅니다.</translation>
    </message>
    <message>
        <source>No feature maps yet: draw something on the canvas first.</source>
        <translation>아직 특징 맵이 없습니다: 먼저 캔버스에 무언가를 그리세요.</translation>
    </message>
    <message>
        <source>Block {block} · {stage}&lt;br&gt;{c}×{h}×{w}</source>
        <translation>블록 {block} · {stage}&lt;br&gt;{c}×{h}×{w}</translation>
    </message>
    <message>
        <source>response (no unit)</source>
        <translation>반응 (단위 없음)</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Could not open the last dataset</source>
        <translation>마지막 데이터셋을 열지 못했습니다</translation>
    </message>
    <message>
        <source>{last}: {exc}
The starter set opens instead.</source>
        <translation>{last}: {exc}
대신 기본 제공 세트를 엽니다.</translation>
    </message>
    <message>
        <source>Training goes on with the data it started with.</source>
        <translation>학습은 시작할 때의 데이터로 계속됩니다.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} 여는 중…</translation>
    </message>
    <message>
        <source>Could not open the dataset</source>
        <translation>데이터셋을 열지 못했습니다</translation>
    </message>
    <message>
        <source>Opened {name} ({value} drawings).</source>
        <translation>{name}을(를) 열었습니다 (그림 {value}개).</translation>
    </message>
    <message>
        <source>New dataset</source>
        <translation>새 데이터셋</translation>
    </message>
    <message>
        <source>Drawings (*.ndjson)</source>
        <translation>그림 (*.ndjson)</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>데이터셋 열기</translation>
    </message>
    <message>
        <source>Drawings (*.ndjson);;All files (*)</source>
        <translation>그림 (*.ndjson);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save dataset as</source>
        <translation>데이터셋을 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>What would you like to import?</source>
        <translation>무엇을 가져올까요?</translation>
    </message>
    <message>
        <source>Drawing files (NDJSON, the Quick, Draw! format) are added to your dataset.
An image folder holds one sub-folder per class with PNG, JPEG or BMP files; its images are used for training alongside the drawings.</source>
        <translation>그림 파일(NDJSON, Quick, Draw! 형식)은 데이터셋에 추가됩니다.
이미지 폴더에는 클래스마다 PNG, JPEG, BMP 파일이 든 하위 폴더가 하나씩 있으며, 그 이미지는 그림과 함께 학습에 쓰입니다.</translation>
    </message>
    <message>
        <source>Drawing files…</source>
        <translation>그림 파일…</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>이미지 폴더…</translation>
    </message>
    <message>
        <source>Import drawing files</source>
        <translation>그림 파일 가져오기</translation>
    </message>
    <message>
        <source>Import an image folder (one sub-folder per class)</source>
        <translation>이미지 폴더 가져오기 (클래스마다 하위 폴더 하나)</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>가져오지 못했습니다</translation>
    </message>
    <message>
        <source>{exc}
Nothing was imported.</source>
        <translation>{exc}
아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <source>Open a folder of drawing files (read-only, e.g. a class&apos;s files)</source>
        <translation>그림 파일 폴더 열기 (읽기 전용, 예: 한 반의 파일)</translation>
    </message>
    <message>
        <source>Could not open the folder</source>
        <translation>폴더를 열지 못했습니다</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>열림</translation>
    </message>
    <message>
        <source>Class folder</source>
        <translation>반 폴더</translation>
    </message>
    <message>
        <source>
These drawings are read-only; yours are still added to {value}.</source>
        <translation>
이 그림은 읽기 전용입니다. 내 그림은 계속 {value}에 추가됩니다.</translation>
    </message>
    <message>
        <source>Could not import the image folder</source>
        <translation>이미지 폴더를 가져오지 못했습니다</translation>
    </message>
    <message>
        <source>Checking the {n} images of {folder}…</source>
        <translation>{folder}의 이미지 {n}개를 확인하는 중…</translation>
    </message>
    <message>
        <source>Export as image folders (one folder per class)</source>
        <translation>이미지 폴더로 내보내기 (클래스마다 폴더 하나)</translation>
    </message>
    <message>
        <source>Exporting {value} drawings to {folder}…</source>
        <translation>그림 {value}개를 {folder}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Exported {n} PNGs to {folder}.</source>
        <translation>PNG {n}개를 {folder}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not save the settings</source>
        <translation>설정을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>{value} could not be written ({name}: the disk may be full or the folder read-only).
Your drawings are saved in {value2}; ShapeLab looks for {name2} in {parent} at the next start, so it still finds them. Window layout and training settings will not be remembered until the settings can be written.</source>
        <translation>{value}을(를) 쓰지 못했습니다 ({name}: 디스크가 가득 찼거나 폴더가 읽기 전용일 수 있습니다).
그림은 {value2}에 저장되어 있습니다. ShapeLab은 다음 시작 때 {parent}에서 {name2}을(를) 찾으므로 그림을 계속 찾을 수 있습니다. 설정을 쓸 수 있을 때까지 창 배치와 학습 설정은 기억되지 않습니다.</translation>
    </message>
    <message>
        <source>Starter set (read-only)</source>
        <translation>기본 제공 세트 (읽기 전용)</translation>
    </message>
    <message>
        <source>Your drawings are saved in {path} (only yours: the starter set stays a separate, read-only base you can include or leave out).</source>
        <translation>내 그림은 {path}에 저장됩니다 (내 것만: 기본 제공 세트는 포함하거나 뺄 수 있는 별도의 읽기 전용 바탕으로 남습니다).</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>학습 중입니다</translation>
    </message>
    <message>
        <source>Stop training before opening a model.</source>
        <translation>모델을 열기 전에 학습을 중지하세요.</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Models (*.npz)</source>
        <translation>모델 (*.npz)</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>모델을 열지 못했습니다</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>모델을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Model saved to {path}.</source>
        <translation>모델을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>{used} images from {folder} will be used for training.</source>
        <translation>{folder}의 이미지 {used}개를 학습에 씁니다.</translation>
    </message>
    <message>
        <source>Some images cannot be used</source>
        <translation>쓸 수 없는 이미지가 있습니다</translation>
    </message>
    <message>
        <source>
… and {n} more</source>
        <translation>
… 그리고 {n}개 더</translation>
    </message>
    <message>
        <source>{n} file in {folder} cannot be used for training and is left out (file: why):</source>
        <translation>{folder}의 파일 {n}개는 학습에 쓸 수 없어서 빠집니다 (파일: 이유):</translation>
    </message>
    <message>
        <source>{n} files in {folder} cannot be used for training and are left out (file: why):</source>
        <translation>{folder}의 파일 {n}개는 학습에 쓸 수 없어서 빠집니다 (파일: 이유):</translation>
    </message>
    <message>
        <source>The other {used} images are used.</source>
        <translation>나머지 이미지 {used}개를 씁니다.</translation>
    </message>
    <message>
        <source>not a regular file (a FIFO or a device)</source>
        <translation>일반 파일이 아닙니다 (FIFO 또는 장치)</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>not a regular file ({kind})</source>
        <translation>일반 파일이 아닙니다 ({kind})</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>&lt;b&gt;Learned filters&lt;/b&gt; — the weights of every convolution layer</source>
        <translation>&lt;b&gt;학습된 필터&lt;/b&gt; — 모든 합성곱 층의 가중치</translation>
    </message>
    <message>
        <source>&lt;b&gt;Filters&lt;/b&gt; — random starting weights: nothing is learned until you train</source>
        <translation>&lt;b&gt;필터&lt;/b&gt; — 무작위 초기 가중치: 학습하기 전에는 아무것도 배우지 않았습니다</translation>
    </message>
    <message>
        <source>1 input channel (the drawing)</source>
        <translation>입력 채널 1개 (그림)</translation>
    </message>
    <message>
        <source>{in_ch} input channels</source>
        <translation>입력 채널 {in_ch}개</translation>
    </message>
    <message>
        <source>Conv {number}: {out_ch} filters {kh}×{kw} on {channels}</source>
        <translation>합성곱 {number}: {channels}에 대한 {kh}×{kw} 필터 {out_ch}개</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;each column is one filter: its {in_ch} kernels,&lt;br&gt;one per input map, top to bottom&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;열 하나가 필터 하나입니다: 커널 {in_ch}개가&lt;br&gt;입력 맵마다 하나씩, 위에서 아래로&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Each small square is one kernel; each of its cells is one weight the network learned. Blue = negative weight, light grey = 0, yellow = positive (scale on the right of each layer). One column per filter; a filter of a later layer has one kernel per input map, top to bottom.</source>
        <translation>작은 사각형 하나가 커널 하나이고, 그 칸 하나하나가 신경망이 학습한 가중치 하나입니다. 파랑 = 음의 가중치, 연회색 = 0, 노랑 = 양수 (각 층 오른쪽의 눈금). 필터마다 열 하나. 뒤쪽 층의 필터는 입력 맵마다 커널이 하나씩 위에서 아래로 있습니다.</translation>
    </message>
    <message>
        <source>No model yet: train or open a model to see its filters.</source>
        <translation>아직 모델이 없습니다: 모델을 학습하거나 열면 필터를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Filters are what the network learned to look for: a filter gives a strong response
where the drawing locally looks like it (for example an edge in one direction).</source>
        <translation>필터는 신경망이 찾도록 학습한 것입니다: 그림의 어느 부분이 필터와 비슷하면
(예를 들어 한 방향의 모서리) 그곳에서 필터가 강하게 반응합니다.</translation>
    </message>
    <message>
        <source>Filters: the weights of every convolution layer</source>
        <translation>필터: 모든 합성곱 층의 가중치</translation>
    </message>
    <message>
        <source> Ctrl+C copies every weight as a table; the right-click menu saves it.</source>
        <translation> Ctrl+C는 모든 가중치를 표로 복사하고, 오른쪽 클릭 메뉴는 저장합니다.</translation>
    </message>
    <message>
        <source>Model: {text}</source>
        <translation>모델: {text}</translation>
    </message>
    <message>
        <source>No model yet: there are no filters to export.</source>
        <translation>아직 모델이 없습니다: 내보낼 필터가 없습니다.</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <source>filter {number}</source>
        <translation>필터 {number}</translation>
    </message>
    <message>
        <source>, kernel for input map {number}</source>
        <translation>, 입력 맵 {number}의 커널</translation>
    </message>
    <message>
        <source>Conv {number}, {where}: row {value}, column {value2} — weight {value3}</source>
        <translation>합성곱 {number}, {where}: {value}행 {value2}열 — 가중치 {value3}</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>#{value}: {value2} ({n} stroke{plural})
Double-click to open it</source>
        <translation>#{value}: {value2} (획 {n}개)
더블클릭하면 열립니다</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>모든 클래스</translation>
    </message>
    <message>
        <source>Show only the drawings of one class</source>
        <translation>한 클래스의 그림만 보기</translation>
    </message>
    <message>
        <source>Mine only</source>
        <translation>내 그림만</translation>
    </message>
    <message>
        <source>Show only your own drawings, not the read-only starter set (or class folder) shown with them</source>
        <translation>함께 보이는 읽기 전용 기본 제공 세트(또는 반 폴더) 없이 내 그림만 보기</translation>
    </message>
    <message>
        <source>Move to ▾</source>
        <translation>옮기기 ▾</translation>
    </message>
    <message>
        <source>Move the selected drawings to another class</source>
        <translation>선택한 그림을 다른 클래스로 옮기기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected drawings (Del); Undo brings them back</source>
        <translation>선택한 그림 삭제 (Del). 실행 취소로 되돌릴 수 있음</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo the last delete or move (Ctrl+Z in the gallery)</source>
        <translation>마지막 삭제나 이동 실행 취소 (갤러리에서 Ctrl+Z)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>모두 보기</translation>
    </message>
    <message>
        <source>Show every drawing again</source>
        <translation>모든 그림 다시 보기</translation>
    </message>
    <message>
        <source>Undo {text} (Ctrl+Z in the gallery)</source>
        <translation>{text} 실행 취소 (갤러리에서 Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>실행 취소할 것이 없음</translation>
    </message>
    <message>
        <source>{n} drawing{value}</source>
        <translation>그림 {n}개</translation>
    </message>
    <message>
        <source>Showing only {what}</source>
        <translation>{what}만 보는 중</translation>
    </message>
    <message>
        <source>{total} drawings</source>
        <translation>그림 {total}개</translation>
    </message>
    <message>
        <source>{shown} of {total} drawings</source>
        <translation>그림 {total}개 중 {shown}개</translation>
    </message>
    <message>
        <source> ({value} yours)</source>
        <translation> (내 그림 {value}개)</translation>
    </message>
    <message>
        <source>Open in canvas</source>
        <translation>캔버스에서 열기</translation>
    </message>
    <message>
        <source>Move {value} to</source>
        <translation>{value} 옮기기</translation>
    </message>
    <message>
        <source>Delete {value}</source>
        <translation>{value} 삭제</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>⚠ The model is stale: the drawings changed after it was trained, so these results describe the old data. Train again to update them.</source>
        <translation>⚠ 모델이 오래되었습니다: 학습한 뒤 그림이 바뀌었으므로 이 결과는 예전 데이터에 대한 것입니다. 갱신하려면 다시 학습하세요.</translation>
    </message>
    <message>
        <source>How many drawings each class has. The network learns best when every class has many, and about as many as the others.</source>
        <translation>클래스마다 그림이 몇 개인지. 모든 클래스에 그림이 많고, 서로 비슷한 수일 때 신경망이 가장 잘 배웁니다.</translation>
    </message>
    <message>
        <source>00000 drawings</source>
        <translation>그림 00000개</translation>
    </message>
    <message>
        <source>{count} drawing{value}</source>
        <translation>그림 {count}개</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dataset health&lt;/b&gt; — is the data good enough to learn from?</source>
        <translation>&lt;b&gt;데이터셋 상태&lt;/b&gt; — 데이터가 배우기에 충분히 좋은가?</translation>
    </message>
    <message>
        <source>No drawings yet.</source>
        <translation>아직 그림이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Near-duplicates&lt;/b&gt; — pairs of drawings that look almost the same</source>
        <translation>&lt;b&gt;거의 같은 그림&lt;/b&gt; — 거의 똑같아 보이는 그림 쌍</translation>
    </message>
    <message>
        <source>Compared as the 28×28 images the network sees (cosine similarity ≥ 99%). Copies make the network look better than it is when one lands in training and the other in validation.</source>
        <translation>신경망이 보는 28×28 이미지로 비교했습니다 (코사인 유사도 ≥ 99%). 사본 하나는 학습에, 다른 하나는 검증에 들어가면 신경망이 실제보다 좋아 보입니다.</translation>
    </message>
    <message>
        <source>Double-click a pair to show both drawings in the gallery</source>
        <translation>쌍을 더블클릭하면 두 그림을 갤러리에서 보여 줍니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check this label&lt;/b&gt; — the network is sure these belong elsewhere</source>
        <translation>&lt;b&gt;이 레이블을 확인하세요&lt;/b&gt; — 신경망은 이 그림들이 다른 곳에 속한다고 확신합니다</translation>
    </message>
    <message>
        <source>Drawings a confident model (≥ 90% sure) puts in another class than their label. Often a slip of the key; sometimes an honest hard case.</source>
        <translation>확신하는 모델(확신 ≥ 90%)이 레이블과 다른 클래스에 넣은 그림. 대개 키를 잘못 누른 것이고, 때로는 정말 어려운 경우입니다.</translation>
    </message>
    <message>
        <source>Double-click to open the drawing in the canvas</source>
        <translation>더블클릭하면 그림을 캔버스에서 엽니다</translation>
    </message>
    <message>
        <source>Show these in the gallery</source>
        <translation>이 그림들을 갤러리에서 보기</translation>
    </message>
    <message>
        <source>&lt;b&gt;Drawings per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;클래스별 그림 수&lt;/b&gt;</translation>
    </message>
    <message>
        <source>✓ Every class has enough drawings, and they are balanced.</source>
        <translation>✓ 모든 클래스에 그림이 충분하고 균형이 맞습니다.</translation>
    </message>
    <message>
        <source>same class</source>
        <translation>같은 클래스</translation>
    </message>
    <message>
        <source>labelled “{li}” and “{lj}”!</source>
        <translation>레이블이 “{li}”와 “{lj}”!</translation>
    </message>
    <message>
        <source>#{value} and #{value2}: {value3:.0f}% similar ({same})</source>
        <translation>#{value}와 #{value2}: {value3:.0f}% 유사 ({same})</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>찾지 못했습니다.</translation>
    </message>
    <message>
        <source>#{value}: labelled “{label}”, the network is {value2:.0f}% sure it is “{predicted}”</source>
        <translation>#{value}: 레이블은 “{label}”인데, 신경망은 {value2:.0f}% 확신으로 “{predicted}”라고 봅니다</translation>
    </message>
    <message>
        <source>None: the network agrees with every label it is sure about.</source>
        <translation>없음: 신경망은 확신하는 모든 레이블에 동의합니다.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>&lt;b&gt;Filters over time&lt;/b&gt; — scrub through the epochs to watch the filters form</source>
        <translation>&lt;b&gt;시간에 따른 필터&lt;/b&gt; — 에포크를 넘기며 필터가 만들어지는 모습을 보세요</translation>
    </message>
    <message>
        <source>After every epoch of training the filters and the feature maps of the drawing on the canvas are kept. Drag the slider to go back in time; Play shows them one epoch after another.</source>
        <translation>학습의 에포크가 끝날 때마다 필터와 캔버스 그림의 특징 맵을 보관합니다. 슬라이더를 끌면 과거로 돌아가고, 재생을 누르면 에포크를 차례로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Which epoch to show (left = first recorded, right = latest)</source>
        <translation>보여 줄 에포크 (왼쪽 = 처음 기록, 오른쪽 = 최신)</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Step through the recorded epochs from the first to the last</source>
        <translation>기록된 에포크를 처음부터 끝까지 차례로 보기</translation>
    </message>
    <message>
        <source>Nothing recorded yet: train the network to record its filters each epoch.</source>
        <translation>아직 기록이 없습니다: 신경망을 학습하면 에포크마다 필터를 기록합니다.</translation>
    </message>
    <message>
        <source>No epoch recorded yet: the filters of each epoch appear here once training runs.</source>
        <translation>아직 기록된 에포크가 없습니다: 학습이 시작되면 에포크마다 필터가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>No epoch recorded yet: the feature maps of each epoch appear here once training runs.</source>
        <translation>아직 기록된 에포크가 없습니다: 학습이 시작되면 에포크마다 특징 맵이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source> of run {run}</source>
        <translation> (실행 {run})</translation>
    </message>
    <message>
        <source>Showing the network after epoch {epoch}{runs} (recording {value} of {n}, kept for every run since the app started, at most {limit}).</source>
        <translation>에포크 {epoch}{runs} 뒤의 신경망을 보여 줍니다 (기록 {n}개 중 {value}번째. 앱을 시작한 뒤의 모든 실행을 최대 {limit}개까지 보관).</translation>
    </message>
    <message>
        <source>Model now: {text}. The slider shows the recorded epochs.</source>
        <translation>지금 모델: {text}. 슬라이더는 기록된 에포크를 보여 줍니다.</translation>
    </message>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ 일시 정지</translation>
    </message>
</context>
<context>
    <name>Images</name>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: 그런 파일이 없음</translation>
    </message>
    <message>
        <source>{path}: not a readable PNG, JPEG or BMP image</source>
        <translation>{path}: 읽을 수 있는 PNG, JPEG, BMP 이미지가 아님</translation>
    </message>
    <message>
        <source>expected a 2-D array, got shape {shape}</source>
        <translation>2차원 배열이어야 하는데 형태가 {shape}입니다</translation>
    </message>
    <message>
        <source>{path}: could not write PNG</source>
        <translation>{path}: PNG를 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>{root}: not a directory</source>
        <translation>{root}: 디렉터리가 아님</translation>
    </message>
    <message>
        <source>the export was stopped</source>
        <translation>내보내기가 중지되었습니다</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <source>{path}: cannot read: {reason}</source>
        <translation>{path}: 읽을 수 없음: {reason}</translation>
    </message>
    <message>
        <source>{path}:{line}: {message}; skipped</source>
        <translation>{path}:{line}: {message}. 건너뜀</translation>
    </message>
    <message>
        <source>{path}: cannot read folder: {value}</source>
        <translation>{path}: 폴더를 읽을 수 없음: {value}</translation>
    </message>
    <message>
        <source>{path}: no images found; an image folder holds one sub-folder per class (DIR/&lt;class&gt;/*.png)</source>
        <translation>{path}: 이미지를 찾지 못했습니다. 이미지 폴더에는 클래스마다 하위 폴더가 하나씩 있습니다 (DIR/&lt;class&gt;/*.png)</translation>
    </message>
    <message>
        <source>{exc}; skipped</source>
        <translation>{exc}. 건너뜀</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>not a PNG, JPEG or BMP file (by its name)</source>
        <translation>PNG, JPEG, BMP 파일이 아닙니다 (이름으로 판단)</translation>
    </message>
    <message>
        <source>{file}: {what}; skipped</source>
        <translation>{file}: {what}. 건너뜀</translation>
    </message>
    <message>
        <source>{path}: no such file or folder</source>
        <translation>{path}: 그런 파일이나 폴더가 없음</translation>
    </message>
    <message>
        <source>{path}: not a dataset; give an NDJSON file (.ndjson) or an image folder (DIR/&lt;class&gt;/*.png)</source>
        <translation>{path}: 데이터셋이 아닙니다. NDJSON 파일(.ndjson)이나 이미지 폴더(DIR/&lt;class&gt;/*.png)를 주세요</translation>
    </message>
    <message>
        <source>{path}: no such model file</source>
        <translation>{path}: 그런 모델 파일이 없음</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: 그런 파일이 없음</translation>
    </message>
    <message>
        <source>{path}: not a readable NumPy array file ({exc})</source>
        <translation>{path}: 읽을 수 있는 NumPy 배열 파일이 아님 ({exc})</translation>
    </message>
    <message>
        <source>{path}: array of shape {shape}; the model takes preprocessed inputs shaped (N, {size}, {size}) or (N, 1, {size}, {size})</source>
        <translation>{path}: 배열 형태가 {shape}입니다. 모델은 형태가 (N, {size}, {size}) 또는 (N, 1, {size}, {size})인 전처리된 입력을 받습니다</translation>
    </message>
    <message>
        <source>{path}: the array must hold finite numbers</source>
        <translation>{path}: 배열에는 유한한 숫자만 있어야 합니다</translation>
    </message>
    <message>
        <source>{path}: no valid drawings</source>
        <translation>{path}: 올바른 그림이 없음</translation>
    </message>
    <message>
        <source>{path}: not an image, NDJSON file or .npy array</source>
        <translation>{path}: 이미지, NDJSON 파일, .npy 배열이 아님</translation>
    </message>
    <message>
        <source>none of the labels ({value}) is a class the model knows ({value2})</source>
        <translation>레이블({value}) 중 어느 것도 모델이 아는 클래스({value2})가 아닙니다</translation>
    </message>
</context>
<context>
    <name>Labelling</name>
    <message>
        <source>Your drawings are stored as drawn by “anonymous”. Change it under File › Your drawer name….</source>
        <translation>그림이 “anonymous”(익명)가 그린 것으로 저장됩니다. 파일 › 그린 사람 이름…에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Your drawings are now stored as drawn by “{name}”.</source>
        <translation>이제 그림은 “{name}”이(가) 그린 것으로 저장됩니다.</translation>
    </message>
    <message>
        <source>included in</source>
        <translation>포함됩니다.</translation>
    </message>
    <message>
        <source>left out of</source>
        <translation>빠집니다.</translation>
    </message>
    <message>
        <source>The {value} ({base_size:,} drawings) is {shown} the gallery and training; your file is unchanged.</source>
        <translation>{value}(그림 {base_size:,}개)이(가) 갤러리와 학습에 {shown} 내 파일은 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>There is no class {value}: add one under Classes.</source>
        <translation>클래스 {value}이(가) 없습니다: 클래스 패널에서 추가하세요.</translation>
    </message>
    <message>
        <source>Draw a shape on the canvas first, then add it to a class.</source>
        <translation>먼저 캔버스에 도형을 그린 다음 클래스에 추가하세요.</translation>
    </message>
    <message>
        <source>Could not add the drawing</source>
        <translation>그림을 추가하지 못했습니다</translation>
    </message>
    <message>
        <source>Could not save the drawing</source>
        <translation>그림을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>{value}: {exc}
The drawing stays on the canvas.</source>
        <translation>{value}: {exc}
그림은 캔버스에 남아 있습니다.</translation>
    </message>
    <message>
        <source>Added to “{label}” ({count} now) and saved.</source>
        <translation>“{label}”에 추가하고 저장했습니다 (이제 {count}개).</translation>
    </message>
    <message>
        <source>Deleted {n} drawing{value}. Undo (Ctrl+Z in the gallery) brings them back.</source>
        <translation>그림 {n}개를 삭제했습니다. 실행 취소(갤러리에서 Ctrl+Z)로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Undone: {text}.</source>
        <translation>실행 취소함: {text}.</translation>
    </message>
    <message>
        <source>Drawing #{value} (“{label}”) is on the canvas.</source>
        <translation>그림 #{value}(“{label}”)이(가) 캔버스에 있습니다.</translation>
    </message>
    <message>
        <source>Include the {value} (read-only)</source>
        <translation>{value} 포함 (읽기 전용)</translation>
    </message>
    <message>
        <source>starter set</source>
        <translation>기본 제공 세트</translation>
    </message>
    <message>
        <source>Another ShapeLab window changed {value}: its changes are merged in ({mine_count} drawings in the file), nothing was lost.</source>
        <translation>다른 ShapeLab 창이 {value}을(를) 바꿨습니다: 변경 내용을 합쳤습니다 (파일에 그림 {mine_count}개). 잃은 것은 없습니다.</translation>
    </message>
    <message>
        <source>the dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source> · saving…</source>
        <translation> · 저장 중…</translation>
    </message>
    <message>
        <source>ShapeLab — {value}</source>
        <translation>ShapeLab — {value}</translation>
    </message>
    <message>
        <source>{value} · {value2} drawings</source>
        <translation>{value} · 그림 {value2}개</translation>
    </message>
    <message>
        <source> ({mine_count} yours)</source>
        <translation> (내 그림 {mine_count}개)</translation>
    </message>
    <message>
        <source> + {n} images from {value} folder{value2}</source>
        <translation> + 폴더 {value}개의 이미지 {n}개</translation>
    </message>
    <message>
        <source> · drawing as {drawer}</source>
        <translation> · 그린 사람: {drawer}</translation>
    </message>
    <message>
        <source>Could not write the dataset</source>
        <translation>데이터셋을 쓰지 못했습니다</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Conv2D needs kernel_size, stride and channel counts of at least 1</source>
        <translation>Conv2D에는 1 이상의 kernel_size, stride, 채널 수가 필요합니다</translation>
    </message>
    <message>
        <source>padding=&apos;same&apos; needs an odd kernel_size</source>
        <translation>padding=&apos;same&apos;에는 홀수 kernel_size가 필요합니다</translation>
    </message>
    <message>
        <source>padding must be &gt;= 0 or &apos;same&apos;</source>
        <translation>padding은 0 이상이거나 &apos;same&apos;이어야 합니다</translation>
    </message>
    <message>
        <source>ConvReLUPool needs a stride-1 convolution</source>
        <translation>ConvReLUPool에는 stride가 1인 합성곱이 필요합니다</translation>
    </message>
    <message>
        <source>{name} needs kernel_size and stride of at least 1</source>
        <translation>{name}에는 1 이상의 kernel_size와 stride가 필요합니다</translation>
    </message>
    <message>
        <source>Dense needs in_features and out_features of at least 1</source>
        <translation>Dense에는 1 이상의 in_features와 out_features가 필요합니다</translation>
    </message>
    <message>
        <source>Dense expects input shape ({in_features},), got {value}</source>
        <translation>Dense의 입력 모양은 ({in_features},)여야 하는데 {value}이(가) 왔습니다</translation>
    </message>
    <message>
        <source>Dropout p must be in [0, 1)</source>
        <translation>Dropout의 p는 [0, 1) 범위여야 합니다</translation>
    </message>
    <message>
        <source>unknown layer description: {description}</source>
        <translation>알 수 없는 층 설명: {description}</translation>
    </message>
    <message>
        <source>bad arguments for layer {kind!r}: {reason}</source>
        <translation>층 {kind!r}의 인자가 잘못되었습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>The canvas: draw a shape here</source>
        <translation>캔버스: 여기에 도형을 그리세요</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>What the network thinks the drawing is</source>
        <translation>신경망이 생각하는 그림의 정체</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>The classes, their colours and how many drawings each has</source>
        <translation>클래스와 그 색, 클래스마다 그림이 몇 개인지</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Model, settings and the Train / Pause / Step / Stop buttons</source>
        <translation>모델, 설정, 그리고 학습 / 일시 정지 / 한 단계 / 중지 버튼</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>The learned filters of every convolution layer</source>
        <translation>모든 합성곱 층이 학습한 필터</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>What each layer makes of the drawing on the canvas</source>
        <translation>각 층이 캔버스의 그림을 어떻게 바꾸는지</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>갤러리</translation>
    </message>
    <message>
        <source>Every drawing in the dataset</source>
        <translation>데이터셋의 모든 그림</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Lesson</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>아직 모델 없음</translation>
    </message>
    <message>
        <source>&lt;i&gt;Lecture:&lt;/i&gt; {lecture}</source>
        <translation>&lt;i&gt;강의:&lt;/i&gt; {lecture}</translation>
    </message>
    <message>
        <source>Which network this lesson shows: untrained (random weights), after which epoch of which run, or loaded from which file.</source>
        <translation>이 강의가 보여 주는 신경망: 학습 전(무작위 가중치)인지, 어느 실행의 몇 번째 에포크 뒤인지, 어느 파일에서 불러왔는지.</translation>
    </message>
    <message>
        <source>Train the network now</source>
        <translation>지금 신경망 학습하기</translation>
    </message>
    <message>
        <source>Start training in the main window (its Train button); this lesson follows the network as it learns</source>
        <translation>메인 창에서 학습을 시작합니다 (학습 버튼). 이 강의는 신경망이 배우는 대로 따라갑니다</translation>
    </message>
    <message>
        <source>◀ Previous step</source>
        <translation>◀ 이전 단계</translation>
    </message>
    <message>
        <source>Go back one step (Left arrow or Page Up)</source>
        <translation>한 단계 뒤로 (왼쪽 화살표나 Page Up)</translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation>다음 단계 ▶</translation>
    </message>
    <message>
        <source>Take the next step (Right arrow or Page Down)</source>
        <translation>다음 단계로 (오른쪽 화살표나 Page Down)</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <source>Take the steps one after the other by itself</source>
        <translation>단계를 차례로 저절로 진행</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
    <message>
        <source>Step {value} of {step_count}</source>
        <translation>단계 {value}/{step_count}</translation>
    </message>
    <message>
        <source>No network yet: train one in the main window (or open a model file).</source>
        <translation>아직 신경망이 없습니다: 메인 창에서 학습하세요 (또는 모델 파일을 여세요).</translation>
    </message>
    <message>
        <source>This step shows the app&apos;s network. It is &lt;b&gt;{note_text}&lt;/b&gt;: it has learned nothing yet</source>
        <translation>이 단계는 앱의 신경망을 보여 줍니다. 지금은 &lt;b&gt;{note_text}&lt;/b&gt;: 아직 아무것도 배우지 않았으므로</translation>
    </message>
    <message>
        <source>, so its answers here mean nothing. Train it first.</source>
        <translation> 여기서의 답은 의미가 없습니다. 먼저 학습하세요.</translation>
    </message>
    <message>
        <source>The app&apos;s network: &lt;b&gt;{note_text}&lt;/b&gt;.</source>
        <translation>앱의 신경망: &lt;b&gt;{note_text}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>series</source>
        <translation>계열</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>picture {n}</source>
        <translation>이미지 {n}</translation>
    </message>
    <message>
        <source>series {n}</source>
        <translation>계열 {n}</translation>
    </message>
    <message>
        <source>ink (0 = paper, 1 = full)</source>
        <translation>잉크 (0 = 종이, 1 = 가득)</translation>
    </message>
</context>
<context>
    <name>LessonTraces</name>
    <message>
        <source>no points to learn from</source>
        <translation>배울 점이 없습니다</translation>
    </message>
    <message>
        <source>the kernel must be square</source>
        <translation>커널은 정사각형이어야 합니다</translation>
    </message>
    <message>
        <source>the kernel is longer than the signal</source>
        <translation>커널이 신호보다 깁니다</translation>
    </message>
    <message>
        <source>kind must be &apos;max&apos;, &apos;average&apos; or &apos;sum&apos;</source>
        <translation>kind는 &apos;max&apos;, &apos;average&apos;, &apos;sum&apos; 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>this model has no convolution layer</source>
        <translation>이 모델에는 합성곱 층이 없습니다</translation>
    </message>
    <message>
        <source>the first layer needs {value}×{value2} kernels on one channel</source>
        <translation>첫 층에는 채널 하나짜리 {value}×{value2} 커널이 필요합니다</translation>
    </message>
</context>
<context>
    <name>LessonsView</name>
    <message>
        <source>1 Representation</source>
        <translation>1 표현</translation>
    </message>
    <message>
        <source>2 Neuron</source>
        <translation>2 뉴런</translation>
    </message>
    <message>
        <source>3 Separable?</source>
        <translation>3 분리 가능?</translation>
    </message>
    <message>
        <source>4 Backprop</source>
        <translation>4 역전파</translation>
    </message>
    <message>
        <source>5 Convolution</source>
        <translation>5 합성곱</translation>
    </message>
    <message>
        <source>6 ReLU &amp;&amp; pooling</source>
        <translation>6 ReLU와 풀링</translation>
    </message>
    <message>
        <source>7 Whole CNN</source>
        <translation>7 CNN 전체</translation>
    </message>
    <message>
        <source>8 How deep?</source>
        <translation>8 얼마나 깊게?</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>큰 글씨</translation>
    </message>
    <message>
        <source>Bigger letters for a projector (Ctrl+Shift+L)</source>
        <translation>프로젝터용 큰 글씨 (Ctrl+Shift+L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShapeLab</source>
        <translation>ShapeLab</translation>
    </message>
    <message>
        <source>Could not write the dataset</source>
        <translation>데이터셋을 쓰지 못했습니다</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Drawing (canvas focused)</source>
        <translation>그리기 (캔버스에 포커스)</translation>
    </message>
    <message>
        <source>Add the drawing to class 1 – 9 (saved at once)</source>
        <translation>그림을 클래스 1 – 9에 추가 (바로 저장됨)</translation>
    </message>
    <message>
        <source>Clear the canvas</source>
        <translation>캔버스 지우기</translation>
    </message>
    <message>
        <source>Undo the last stroke</source>
        <translation>마지막 획 실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Put a template square / triangle / circle on the canvas (drawing without a mouse)</source>
        <translation>견본 사각형 / 삼각형 / 원을 캔버스에 놓기 (마우스 없이 그리기)</translation>
    </message>
    <message>
        <source>Gallery (gallery focused)</source>
        <translation>갤러리 (갤러리에 포커스)</translation>
    </message>
    <message>
        <source>Delete the selected drawings</source>
        <translation>선택한 그림 삭제</translation>
    </message>
    <message>
        <source>Undo the last delete or move</source>
        <translation>마지막 삭제나 이동 실행 취소</translation>
    </message>
    <message>
        <source>Select all shown drawings</source>
        <translation>보이는 그림 모두 선택</translation>
    </message>
    <message>
        <source>Double-click / Enter</source>
        <translation>더블클릭 / Enter</translation>
    </message>
    <message>
        <source>Open a drawing in the canvas</source>
        <translation>그림을 캔버스에서 열기</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Pause / Resume</source>
        <translation>일시 정지 / 계속</translation>
    </message>
    <message>
        <source>Step: train exactly one mini-batch</source>
        <translation>한 단계: 미니배치 하나만 학습</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Save the model (drawings are saved as you add them)</source>
        <translation>모델 저장 (그림은 추가할 때 저장됨)</translation>
    </message>
    <message>
        <source>Keyboard only</source>
        <translation>키보드만으로</translation>
    </message>
    <message>
        <source>Move between the controls, panel by panel as they sit on screen</source>
        <translation>화면에 놓인 대로 패널별로 컨트롤 사이를 이동</translation>
    </message>
    <message>
        <source>In a chart&apos;s panel (plots, prediction, filters, feature maps, Analysis): copy its numbers</source>
        <translation>차트 패널에서 (그래프, 예측, 필터, 특징 맵, 분석): 그 숫자를 복사</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>창</translation>
    </message>
    <message>
        <source>Lessons: the lecture step by step (Right / Left move through a lesson)</source>
        <translation>강의: 강의 내용을 단계별로 (오른쪽 / 왼쪽 키로 강의 안에서 이동)</translation>
    </message>
    <message>
        <source>Analysis: what the network learned</source>
        <translation>분석: 신경망이 배운 것</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>이 목록</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Presenter mode: full screen, canvas, prediction and plots only (Esc or F5 leaves)</source>
        <translation>발표자 모드: 전체 화면에 캔버스, 예측, 그래프만 (Esc나 F5로 나감)</translation>
    </message>
    <message>
        <source>Full screen on / off (every window)</source>
        <translation>전체 화면 켜기 / 끄기 (모든 창)</translation>
    </message>
    <message>
        <source>Zoom every window in / out (kept for the next start)</source>
        <translation>모든 창 확대 / 축소 (다음 시작에도 유지)</translation>
    </message>
    <message>
        <source>Zoom back to actual size</source>
        <translation>실제 크기로 되돌리기</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>New dataset</source>
        <translation>새 데이터셋</translation>
    </message>
    <message>
        <source>Open a dataset</source>
        <translation>데이터셋 열기</translation>
    </message>
    <message>
        <source>Save the dataset as…</source>
        <translation>데이터셋을 다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Import drawings or image folders</source>
        <translation>그림이나 이미지 폴더 가져오기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New dataset…</source>
        <translation>새 데이터셋(&amp;N)…</translation>
    </message>
    <message>
        <source>Start an empty dataset file (the classes are kept)</source>
        <translation>빈 데이터셋 파일 시작 (클래스는 유지됨)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a dataset file (NDJSON, Quick, Draw! format)</source>
        <translation>데이터셋 파일 열기 (NDJSON, Quick, Draw! 형식)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the drawings to a new file and keep working there</source>
        <translation>그림을 새 파일에 저장하고 그 파일에서 계속 작업</translation>
    </message>
    <message>
        <source>Open a &amp;class folder…</source>
        <translation>반 폴더 열기(&amp;C)…</translation>
    </message>
    <message>
        <source>Show every drawing file of a folder (many students&apos; files) as one read-only dataset, per drawer</source>
        <translation>폴더의 모든 그림 파일(여러 학생의 파일)을 그린 사람별로 하나의 읽기 전용 데이터셋으로 보기</translation>
    </message>
    <message>
        <source>Include the starter set (read-only)</source>
        <translation>기본 제공 세트 포함 (읽기 전용)</translation>
    </message>
    <message>
        <source>Show and train on the read-only starter set (or class folder) together with your own drawings</source>
        <translation>읽기 전용 기본 제공 세트(또는 반 폴더)를 내 그림과 함께 보여 주고 학습</translation>
    </message>
    <message>
        <source>Your &amp;drawer name…</source>
        <translation>그린 사람 이름(&amp;D)…</translation>
    </message>
    <message>
        <source>The pseudonym stored with every drawing you add (to count and test per person)</source>
        <translation>추가하는 모든 그림에 저장되는 별명 (사람별로 세고 시험하기 위해)</translation>
    </message>
    <message>
        <source>&amp;Import drawings or image folders…</source>
        <translation>그림이나 이미지 폴더 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Add drawings from NDJSON files, or images from a folder of class folders</source>
        <translation>NDJSON 파일의 그림이나 클래스별 폴더의 이미지 추가</translation>
    </message>
    <message>
        <source>&amp;Export as image folders…</source>
        <translation>이미지 폴더로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Write every drawing as a 28×28 PNG into one folder per class</source>
        <translation>모든 그림을 28×28 PNG로 클래스마다 폴더 하나에 쓰기</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit ShapeLab (your drawings are already saved)</source>
        <translation>ShapeLab 끝내기 (그림은 이미 저장됨)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>모델(&amp;M)</translation>
    </message>
    <message>
        <source>Load a trained model (.npz)</source>
        <translation>학습된 모델 불러오기 (.npz)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the model with its steps and settings</source>
        <translation>모델을 학습 단계 수, 설정과 함께 저장</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>비교(&amp;C)…</translation>
    </message>
    <message>
        <source>Model files side by side on the open dataset: accuracy overall, per class and per drawer</source>
        <translation>열린 데이터셋에서 모델 파일을 나란히 비교: 전체, 클래스별, 그린 사람별 정확도</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>Train the network</source>
        <translation>신경망 학습</translation>
    </message>
    <message>
        <source>&amp;Pause / Resume</source>
        <translation>일시 정지 / 계속(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume training</source>
        <translation>학습 일시 정지 또는 계속</translation>
    </message>
    <message>
        <source>S&amp;tep one mini-batch</source>
        <translation>미니배치 한 단계(&amp;T)</translation>
    </message>
    <message>
        <source>Train on exactly one mini-batch</source>
        <translation>미니배치 하나만 학습</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>중지(&amp;O)</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>학습 중지</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>가중치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>Fresh random weights</source>
        <translation>새 무작위 가중치</translation>
    </message>
    <message>
        <source>Validate on unseen &amp;drawers</source>
        <translation>처음 보는 사람으로 검증(&amp;D)</translation>
    </message>
    <message>
        <source>Hold out every drawing of some drawers for validation (the validation share of the training settings), so the accuracy says how the model does on people it has not seen</source>
        <translation>몇몇 사람의 그림을 모두 검증용으로 따로 둡니다 (학습 설정의 검증 비율만큼). 그래서 정확도는 모델이 보지 못한 사람에게 얼마나 잘하는지를 말해 줍니다</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Analysis…</source>
        <translation>분석(&amp;A)…</translation>
    </message>
    <message>
        <source>What did the network learn: confusions, representations, saliency, dataset health (a separate window)</source>
        <translation>신경망은 무엇을 배웠나: 혼동, 표현, 현저성, 데이터셋 상태 (별도 창)</translation>
    </message>
    <message>
        <source>&amp;Lessons…</source>
        <translation>강의(&amp;L)…</translation>
    </message>
    <message>
        <source>The lecture step by step, with its numbers and your drawings (a separate window)</source>
        <translation>강의를 단계별로, 강의의 숫자와 내 그림으로 (별도 창)</translation>
    </message>
    <message>
        <source>Clear earlier &amp;runs from the plots</source>
        <translation>그래프에서 이전 실행 지우기(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the faded curves of earlier runs</source>
        <translation>이전 실행의 흐린 곡선 지우기</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>배치 초기화(&amp;L)</translation>
    </message>
    <message>
        <source>Put every panel back where it started</source>
        <translation>모든 패널을 처음 자리로 되돌리기</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>키보드 단축키 목록</translation>
    </message>
    <message>
        <source>&amp;About ShapeLab</source>
        <translation>ShapeLab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About ShapeLab</source>
        <translation>ShapeLab 정보</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Merged</source>
        <translation>합침</translation>
    </message>
    <message>
        <source>{verb} {n} file{value}: {kept:,} drawings kept, {duplicates:,} exact duplicate{value2} dropped.</source>
        <translation>{verb}: 파일 {n}개, 그림 {kept:,}개 유지, 똑같은 중복 {duplicates:,}개 제거.</translation>
    </message>
    <message>
        <source>Per class: </source>
        <translation>클래스별: </translation>
    </message>
    <message>
        <source>{value} drawer{value2}</source>
        <translation>그린 사람 {value}명</translation>
    </message>
    <message>
        <source> (and {value:,} drawings without a drawer)</source>
        <translation> (그리고 그린 사람이 없는 그림 {value:,}개)</translation>
    </message>
    <message>
        <source>{value} damaged line{value2} skipped (first: {value3})</source>
        <translation>손상된 줄 {value}개 건너뜀 (첫 줄: {value3})</translation>
    </message>
    <message>
        <source>A split by drawer needs a validation fraction above 0 and below 1.</source>
        <translation>그린 사람별로 나누려면 검증 비율이 0보다 크고 1보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>A validation split by drawer needs drawings by at least two drawers; these have {value} (the &quot;{DRAWER_KEY}&quot; key of each drawing; File › Your drawer name… sets yours).</source>
        <translation>그린 사람별 검증 분할에는 적어도 두 사람의 그림이 필요합니다. 이 그림들은 {value}입니다 (각 그림의 &quot;{DRAWER_KEY}&quot; 키. 파일 › 그린 사람 이름…에서 내 이름을 정합니다).</translation>
    </message>
    <message>
        <source>No drawing files (*.ndjson) to read.</source>
        <translation>읽을 그림 파일(*.ndjson)이 없습니다.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Preparing the drawings for training…</source>
        <translation>학습할 그림을 준비하는 중…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Training paused.</source>
        <translation>학습 일시 정지됨.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>할 수 없음</translation>
    </message>
    <message>
        <source>Could not write the dataset</source>
        <translation>데이터셋을 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>
… and {count} more</source>
        <translation>
… 외 {count}개</translation>
    </message>
    <message>
        <source>

A copy of the file as it was is kept at {backup}, so nothing is lost.</source>
        <translation>

원래 파일의 사본이 {backup}에 있으므로 잃은 것은 없습니다.</translation>
    </message>
    <message>
        <source>Some lines could not be read</source>
        <translation>일부 줄을 읽지 못했습니다</translation>
    </message>
    <message>
        <source>{count} line{s} skipped (file:line: problem):
{problems}{more}

Every other drawing loaded.{keep}</source>
        <translation>{count}줄을 건너뛰었습니다 (파일:줄: 문제):
{problems}{more}

나머지 그림은 모두 불러왔습니다.{keep}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>Keyboard shortcuts, one per row: the keys, then what they do</source>
        <translation>키보드 단축키, 한 줄에 하나: 키, 그다음 하는 일</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>layer {i} ({value}) does not fit its input {shape}: {e}</source>
        <translation>층 {i} ({value})이(가) 입력 {shape}에 맞지 않습니다: {e}</translation>
    </message>
    <message>
        <source>layer {i} ({value}) leaves nothing: output shape {shape}</source>
        <translation>층 {i} ({value})을(를) 지나면 아무것도 남지 않습니다: 출력 모양 {shape}</translation>
    </message>
    <message>
        <source>expected input of shape (N, {value}), got {value2}</source>
        <translation>입력 모양은 (N, {value})이어야 하는데 {value2}이(가) 왔습니다</translation>
    </message>
    <message>
        <source>expected input of shape {input_shape}, got {value}</source>
        <translation>입력 모양은 {input_shape}이어야 하는데 {value}이(가) 왔습니다</translation>
    </message>
    <message>
        <source>weights do not match the model: missing {value}, unexpected {value2}</source>
        <translation>가중치가 모델과 맞지 않습니다: 빠진 것 {value}, 예상 밖의 것 {value2}</translation>
    </message>
    <message>
        <source>weight {k!r} has shape {value}, the model needs {value2}</source>
        <translation>가중치 {k!r}의 모양은 {value}인데 모델에는 {value2}이(가) 필요합니다</translation>
    </message>
    <message>
        <source>unknown preset {preset!r}; choose one of {value}</source>
        <translation>알 수 없는 프리셋 {preset!r}. 다음 중 하나를 고르세요: {value}</translation>
    </message>
    <message>
        <source>need num_classes &gt;= 1 and input_size &gt;= 4</source>
        <translation>num_classes는 1 이상, input_size는 4 이상이어야 합니다</translation>
    </message>
</context>
<context>
    <name>ModelAutosave</name>
    <message>
        <source>Could not keep the trained model beside the dataset: {exc}</source>
        <translation>학습된 모델을 데이터셋 옆에 보관하지 못했습니다: {exc}</translation>
    </message>
    <message>
        <source>The last trained model could not be restored: {exc}</source>
        <translation>마지막으로 학습한 모델을 복원하지 못했습니다: {exc}</translation>
    </message>
    <message>
        <source>The last trained model ({path}) does not fit ShapeLab&apos;s drawings.</source>
        <translation>마지막으로 학습한 모델({path})이 ShapeLab의 그림에 맞지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>the model has {value} outputs, {n_classes} classes given</source>
        <translation>모델의 출력은 {value}개인데 클래스는 {n_classes}개가 주어졌습니다</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>그런 파일이 없음</translation>
    </message>
    <message>
        <source>is a folder, not a model file</source>
        <translation>모델 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>cannot be read ({value})</source>
        <translation>읽을 수 없습니다 ({value})</translation>
    </message>
    <message>
        <source>is empty (damaged, or not a ShapeLab model file)</source>
        <translation>비어 있습니다 (손상되었거나 ShapeLab 모델 파일이 아님)</translation>
    </message>
    <message>
        <source>not a ShapeLab model file (a single .npy array, not an .npz archive)</source>
        <translation>ShapeLab 모델 파일이 아닙니다 (.npz 압축 파일이 아니라 .npy 배열 하나)</translation>
    </message>
    <message>
        <source>not a ShapeLab model file (not an .npz archive, but a Python pickle, which is never loaded)</source>
        <translation>ShapeLab 모델 파일이 아닙니다 (.npz 압축 파일이 아니라 Python pickle이며, pickle은 절대 읽지 않습니다)</translation>
    </message>
    <message>
        <source>not a ShapeLab model file (not an .npz archive)</source>
        <translation>ShapeLab 모델 파일이 아닙니다 (.npz 압축 파일이 아님)</translation>
    </message>
    <message>
        <source>is damaged or truncated ({e})</source>
        <translation>손상되었거나 잘렸습니다 ({e})</translation>
    </message>
    <message>
        <source>is damaged ({value}: {e})</source>
        <translation>손상되었습니다 ({value}: {e})</translation>
    </message>
    <message>
        <source>not a ShapeLab model file ({n_infos:,} entries)</source>
        <translation>ShapeLab 모델 파일이 아닙니다 (항목 {n_infos:,}개)</translation>
    </message>
    <message>
        <source>not a ShapeLab model file (an entry {value!r} that is not an array)</source>
        <translation>ShapeLab 모델 파일이 아닙니다 (배열이 아닌 항목 {value!r})</translation>
    </message>
    <message>
        <source>entry {value!r} declares {value2:,} bytes, more than the limit of {MAX_ENTRY_BYTES:,} (refused before reading)</source>
        <translation>항목 {value!r}의 크기가 {value2:,}바이트로 한도 {MAX_ENTRY_BYTES:,}바이트를 넘습니다 (읽기 전에 거부함)</translation>
    </message>
    <message>
        <source>{META_KEY} is not a text entry</source>
        <translation>{META_KEY}이(가) 텍스트 항목이 아닙니다</translation>
    </message>
    <message>
        <source>{META_KEY} is longer than {MAX_META_CHARS:,} characters</source>
        <translation>{META_KEY}이(가) {MAX_META_CHARS:,}자보다 깁니다</translation>
    </message>
    <message>
        <source>declares more than {MAX_MODEL_PARAMETERS:,} parameters (at least {parameters:,}; refused before reading)</source>
        <translation>매개변수가 {MAX_MODEL_PARAMETERS:,}개보다 많습니다 (최소 {parameters:,}개. 읽기 전에 거부함)</translation>
    </message>
    <message>
        <source>is damaged (entry {value!r} declares shape {shape} of {dtype}, but holds {value2:,} bytes)</source>
        <translation>손상되었습니다 (항목 {value!r}은(는) {dtype} {shape} 모양이라고 하지만 {value2:,}바이트를 담고 있음)</translation>
    </message>
    <message>
        <source>is damaged or truncated (entry {value!r} is short)</source>
        <translation>손상되었거나 잘렸습니다 (항목 {value!r}이(가) 짧음)</translation>
    </message>
    <message>
        <source>entry {value!r} is an .npy version {version} array, which is not supported</source>
        <translation>항목 {value!r}은(는) .npy 버전 {version} 배열이며, 이 버전은 지원하지 않습니다</translation>
    </message>
    <message>
        <source>entry {value!r} holds pickled Python objects, which are never loaded</source>
        <translation>항목 {value!r}에 pickle로 저장된 Python 객체가 있으며, 이런 객체는 절대 읽지 않습니다</translation>
    </message>
    <message>
        <source>not a ShapeLab model file (no {META_KEY} entry)</source>
        <translation>ShapeLab 모델 파일이 아닙니다 ({META_KEY} 항목 없음)</translation>
    </message>
    <message>
        <source>{META_KEY} is not valid JSON ({e})</source>
        <translation>{META_KEY}이(가) 올바른 JSON이 아닙니다 ({e})</translation>
    </message>
    <message>
        <source>{META_KEY} is nested too deeply</source>
        <translation>{META_KEY}이(가) 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>{META_KEY} is not usable JSON ({value})</source>
        <translation>{META_KEY}은(는) 쓸 수 있는 JSON이 아닙니다 ({value})</translation>
    </message>
    <message>
        <source>{META_KEY} is nested more than {MAX_JSON_DEPTH} levels deep</source>
        <translation>{META_KEY}이(가) {MAX_JSON_DEPTH}단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>not a ShapeLab model file (format is not {FORMAT!r})</source>
        <translation>ShapeLab 모델 파일이 아닙니다 (형식이 {FORMAT!r}이(가) 아님)</translation>
    </message>
    <message>
        <source>model file version {value!r} is not supported (this ShapeLab reads version {VERSION})</source>
        <translation>모델 파일 버전 {value!r}은(는) 지원하지 않습니다 (이 ShapeLab은 버전 {VERSION}을(를) 읽습니다)</translation>
    </message>
    <message>
        <source>the description has no layers</source>
        <translation>설명에 층이 없습니다</translation>
    </message>
    <message>
        <source>the description has {n_layers:,} layers (at most {MAX_MODEL_LAYERS})</source>
        <translation>설명에 층이 {n_layers:,}개 있습니다 (최대 {MAX_MODEL_LAYERS}개)</translation>
    </message>
    <message>
        <source>the layers declare {declared:,} parameters, more than the limit of {MAX_MODEL_PARAMETERS:,} (refused before allocating)</source>
        <translation>층들의 매개변수가 {declared:,}개로 한도 {MAX_MODEL_PARAMETERS:,}개를 넘습니다 (메모리를 잡기 전에 거부함)</translation>
    </message>
    <message>
        <source>the class names are missing or not text</source>
        <translation>클래스 이름이 없거나 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>the input size is missing or invalid (at most {MAX_INPUT_SIZE})</source>
        <translation>입력 크기가 없거나 올바르지 않습니다 (최대 {MAX_INPUT_SIZE})</translation>
    </message>
    <message>
        <source>the layer description is invalid ({value})</source>
        <translation>층 설명이 올바르지 않습니다 ({value})</translation>
    </message>
    <message>
        <source>the model has output shape {value} but {n_classes} class names</source>
        <translation>모델의 출력 모양은 {value}인데 클래스 이름은 {n_classes}개입니다</translation>
    </message>
    <message>
        <source>the weights do not match the layers (missing {missing}, unexpected {unexpected})</source>
        <translation>가중치가 층과 맞지 않습니다 (빠진 것 {missing}, 예상 밖의 것 {unexpected})</translation>
    </message>
    <message>
        <source>weight {k!r} has shape {value}, the layers need {value2}</source>
        <translation>가중치 {k!r}의 모양은 {value}인데 층에는 {value2}이(가) 필요합니다</translation>
    </message>
    <message>
        <source>weight {k!r} is not finite floating-point numbers</source>
        <translation>가중치 {k!r}이(가) 유한한 부동소수점 수가 아닙니다</translation>
    </message>
</context>
<context>
    <name>ModelState</name>
    <message>
        <source>Training paused: the loss is diverging. Lower the learning rate.</source>
        <translation>학습 일시 정지: 손실이 발산합니다. 학습률을 낮추세요.</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m}분 {s:02d}초</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h}시간 {m:02d}분</translation>
    </message>
    <message>
        <source>Epoch {value}/{epochs} · step {in_epoch}/{spe}</source>
        <translation>에포크 {value}/{epochs} · 단계 {in_epoch}/{spe}</translation>
    </message>
    <message>
        <source>{head} · paused</source>
        <translation>{head} · 일시 정지</translation>
    </message>
    <message>
        <source>{head} · estimating the time left…</source>
        <translation>{head} · 남은 시간 추정 중…</translation>
    </message>
    <message>
        <source>{head} · {value} left</source>
        <translation>{head} · {value} 남음</translation>
    </message>
    <message>
        <source>Done: {value}, {value2} in {value3}</source>
        <translation>완료: {value}, {value2}, {value3} 걸림</translation>
    </message>
    <message>
        <source>Stopped before the first step</source>
        <translation>첫 단계 전에 중지됨</translation>
    </message>
    <message>
        <source>Stopped in epoch {value}, after {value2}</source>
        <translation>에포크 {value}에서 {value2} 뒤 중지됨</translation>
    </message>
    <message>
        <source>Paused: the loss diverged at step {value}</source>
        <translation>일시 정지: 단계 {value}에서 손실이 발산함</translation>
    </message>
    <message>
        <source>Training stopped before the first step: the model is unchanged.</source>
        <translation>첫 단계 전에 학습이 멈췄습니다: 모델은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source> The model keeps the running average of its weights over the latest steps (weight averaging).</source>
        <translation> 모델은 최근 단계들의 가중치 이동 평균을 유지합니다 (가중치 평균).</translation>
    </message>
    <message>
        <source>Finished {epochs} ({steps}).{averaged}</source>
        <translation>{epochs} 완료 ({steps}).{averaged}</translation>
    </message>
    <message>
        <source>Training stopped after {steps}, in epoch {epoch} of {epochs}.{averaged}</source>
        <translation>{steps} 뒤, 에포크 {epoch}/{epochs}에서 학습이 멈췄습니다.{averaged}</translation>
    </message>
    <message>
        <source>the loss became {loss} (not a finite number) at step {value}. The model keeps its last weights that gave a finite loss.</source>
        <translation>단계 {value}에서 손실이 {loss}(유한한 숫자가 아님)이(가) 되었습니다. 모델은 유한한 손실을 낸 마지막 가중치를 유지합니다.</translation>
    </message>
    <message>
        <source>press Train to continue from those weights</source>
        <translation>그 가중치에서 이어 가려면 학습을 누르세요</translation>
    </message>
    <message>
        <source>the loss shot up to {loss:.3g} at step {step}, far above {value:.2f}, the loss of pure guessing.</source>
        <translation>단계 {step}에서 손실이 {loss:.3g}까지 치솟았습니다. 순전히 찍었을 때의 손실 {value:.2f}보다 훨씬 큽니다.</translation>
    </message>
    <message>
        <source>press Stop, then Train to continue with the new rate</source>
        <translation>중지를 누른 다음 학습을 눌러 새 학습률로 이어 가세요</translation>
    </message>
    <message>
        <source>Training paused because it is diverging: {what} The learning rate ({lr:g}) is so big that each step overshoots and the weights blow up.
What to try: lower the learning rate (say {value:g}) and {todo}, or Reset weights to start again.</source>
        <translation>학습이 발산해서 일시 정지했습니다: {what} 학습률({lr:g})이 너무 커서 단계마다 지나치고 가중치가 폭발합니다.
해 볼 것: 학습률을 낮추고 (예: {value:g}) {todo}. 또는 가중치 초기화로 다시 시작하세요.</translation>
    </message>
    <message>
        <source>{path}: it expects inputs of shape {value}, ShapeLab draws {size}×{size}.</source>
        <translation>{path}: 입력 형태로 {value}을(를) 기대하지만, ShapeLab은 {size}×{size}로 그립니다.</translation>
    </message>
    <message>
        <source>there is no model to save</source>
        <translation>저장할 모델이 없습니다</translation>
    </message>
    <message>
        <source>, weights averaged</source>
        <translation>, 가중치 평균</translation>
    </message>
    <message>
        <source>, continued</source>
        <translation>, 이어서</translation>
    </message>
    <message>
        <source>run {run_count}: {preset}, {optimizer} lr {lr:g}{avg}{more}</source>
        <translation>실행 {run_count}: {preset}, {optimizer} 학습률 {lr:g}{avg}{more}</translation>
    </message>
    <message>
        <source>steps not recorded</source>
        <translation>단계 수 기록 없음</translation>
    </message>
    <message>
        <source>{steps:,} more steps</source>
        <translation>{steps:,} 단계 더</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>아직 모델 없음</translation>
    </message>
    <message>
        <source>After epoch {epochs_done} of {epochs}</source>
        <translation>에포크 {epochs_done}/{epochs} 뒤</translation>
    </message>
    <message>
        <source>Epoch {value} of {epochs}</source>
        <translation>에포크 {value}/{epochs}</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>, trained further</source>
        <translation>, 추가 학습함</translation>
    </message>
    <message>
        <source>Loaded from {name}{then} · {steps}</source>
        <translation>{name}에서 불러옴{then} · {steps}</translation>
    </message>
    <message>
        <source>Trained {steps} on {where}</source>
        <translation>{where}(으)로 {steps} 학습함</translation>
    </message>
    <message>
        <source>Settings: {recipe} a run, {aug}, {avg}, validation {val_split:.0%}, seed {seed}</source>
        <translation>설정: 한 번의 학습에 {recipe}, {aug}, {avg}, 검증 {val_split:.0%}, 시드 {seed}</translation>
    </message>
    <message>
        <source>Validation accuracy after the last epoch: {accuracy:.1%}</source>
        <translation>마지막 에포크 뒤 검증 정확도: {accuracy:.1%}</translation>
    </message>
    <message>
        <source> Its classes not in this dataset: {classes}.</source>
        <translation> 이 데이터셋에 없는 모델의 클래스: {classes}.</translation>
    </message>
    <message>
        <source>Untrained (random weights)</source>
        <translation>학습 안 됨 (무작위 가중치)</translation>
    </message>
    <message>
        <source>data that has changed since</source>
        <translation>그 뒤로 바뀐 데이터</translation>
    </message>
    <message>
        <source>this dataset</source>
        <translation>이 데이터셋</translation>
    </message>
    <message>
        <source>trained (steps not recorded)</source>
        <translation>학습됨 (단계 수 기록 없음)</translation>
    </message>
    <message>
        <source>{steps:,} steps trained</source>
        <translation>{steps:,} 단계 학습함</translation>
    </message>
    <message>
        <source>Model: {preset} · {value:,} weights · {trained}</source>
        <translation>모델: {preset} · 가중치 {value:,}개 · {trained}</translation>
    </message>
    <message>
        <source>Classes: {classes}</source>
        <translation>클래스: {classes}</translation>
    </message>
    <message>
        <source>File: {loaded_from}</source>
        <translation>파일: {loaded_from}</translation>
    </message>
    <message>
        <source> (written {created})</source>
        <translation> ({created}에 씀)</translation>
    </message>
    <message>
        <source>Epochs completed: {epochs:,}</source>
        <translation>마친 에포크: {epochs:,}</translation>
    </message>
    <message>
        <source>, {samples:,} of them for training</source>
        <translation>, 그중 {samples:,}개는 학습용</translation>
    </message>
    <message>
        <source>Trained on: {name} ({value}{samples})</source>
        <translation>학습 데이터: {name} ({value}{samples})</translation>
    </message>
    <message>
        <source>weight averaging {ema_decay:g}</source>
        <translation>가중치 평균 {ema_decay:g}</translation>
    </message>
    <message>
        <source>no weight averaging</source>
        <translation>가중치 평균 없음</translation>
    </message>
    <message>
        <source>augmented</source>
        <translation>증강함</translation>
    </message>
    <message>
        <source>not augmented</source>
        <translation>증강 안 함</translation>
    </message>
    <message>
        <source>Model loaded from {path}</source>
        <translation>{path}에서 모델을 불러왔습니다</translation>
    </message>
    <message>
        <source>trained on {name}</source>
        <translation>{name}(으)로 학습함</translation>
    </message>
    <message>
        <source>{optimizer} lr {lr:g}, batch {batch_size}</source>
        <translation>{optimizer} 학습률 {lr:g}, 배치 {batch_size}</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>slides small filters over its input</source>
        <translation>입력 위로 작은 필터를 미끄러뜨림</translation>
    </message>
    <message>
        <source>sets negative values to 0</source>
        <translation>음수 값을 0으로 바꿈</translation>
    </message>
    <message>
        <source>keeps the largest of each 2×2 window</source>
        <translation>2×2 창마다 가장 큰 값을 남김</translation>
    </message>
    <message>
        <source>averages each 2×2 window</source>
        <translation>2×2 창마다 평균을 냄</translation>
    </message>
    <message>
        <source>lines all numbers up in one row</source>
        <translation>모든 숫자를 한 줄로 세움</translation>
    </message>
    <message>
        <source>every output looks at every input</source>
        <translation>모든 출력이 모든 입력을 봄</translation>
    </message>
    <message>
        <source>randomly silences some numbers while training</source>
        <translation>학습 중에 일부 숫자를 무작위로 끔</translation>
    </message>
    <message>
        <source>squashes into 0 … 1</source>
        <translation>0 … 1로 압축</translation>
    </message>
    <message>
        <source>squashes into −1 … 1</source>
        <translation>−1 … 1로 압축</translation>
    </message>
    <message>
        <source>{value}: {what}.
Output: {value2}; {value3}.
</source>
        <translation>{value}: {what}.
출력: {value2}. {value3}.
</translation>
    </message>
    <message>
        <source>Click to see its filters and feature maps.</source>
        <translation>클릭하면 필터와 특징 맵을 봅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network&lt;/b&gt; — its layers, what each outputs, and how many weights it learns</source>
        <translation>&lt;b&gt;신경망&lt;/b&gt; — 층, 각 층의 출력, 학습하는 가중치 수</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>아직 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Click a layer to see its filters and what it makes of the drawing.</source>
        <translation>층을 클릭하면 그 필터와 그림을 어떻게 바꾸는지 봅니다.</translation>
    </message>
    <message>
        <source>the drawing</source>
        <translation>그림</translation>
    </message>
    <message>
        <source>no weights</source>
        <translation>가중치 없음</translation>
    </message>
    <message>
        <source>{parameters:,} weights</source>
        <translation>가중치 {parameters:,}개</translation>
    </message>
    <message>
        <source>{value} layers, {value2:,} weights to learn in total. Shapes are channels × height × width (pixels).</source>
        <translation>층 {value}개, 학습할 가중치 모두 {value2:,}개. 형태는 채널 × 높이 × 너비 (픽셀)입니다.</translation>
    </message>
    <message>
        <source>The input is the drawing itself: 28×28 pixels, ink = 1, paper = 0.</source>
        <translation>입력은 그림 자체입니다: 28×28 픽셀, 잉크 = 1, 종이 = 0.</translation>
    </message>
    <message>
        <source>Click a layer to see its filters and output.</source>
        <translation>층을 클릭하면 필터와 출력을 봅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {value}: {name}&lt;/b&gt; — {value2}.</source>
        <translation>&lt;b&gt;층 {value}: {name}&lt;/b&gt; — {value2}.</translation>
    </message>
    <message>
        <source>its {out_ch} filters ({value}×{value2} weights each)</source>
        <translation>필터 {out_ch}개 (각 {value}×{value2} 가중치)</translation>
    </message>
    <message>
        <source>its {out_ch} filters, one column each: {in_ch} kernels (one per input map), top down</source>
        <translation>필터 {out_ch}개, 필터마다 열 하나: 커널 {in_ch}개 (입력 맵마다 하나), 위에서 아래로</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <source>its output for the canvas drawing: {value} maps of {value2}×{value3}</source>
        <translation>캔버스 그림에 대한 출력: {value2}×{value3} 맵 {value}개</translation>
    </message>
    <message>
        <source>its output for the canvas drawing: {size} numbers, row by row</source>
        <translation>캔버스 그림에 대한 출력: 숫자 {size}개, 행마다</translation>
    </message>
    <message>
        <source>output value</source>
        <translation>출력 값</translation>
    </message>
    <message>
        <source>Draw something on the canvas to see this layer&apos;s output for it.</source>
        <translation>캔버스에 무언가를 그리면 이 층의 출력을 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>NeuronLesson</name>
    <message>
        <source>step</source>
        <translation>계단</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>2 · A neuron</source>
        <translation>2 · 뉴런 하나</translation>
    </message>
    <message>
        <source>“Artificial neural network mimics the human brain … Single neuron is activated (=1) or not (=0).” Activation function y = f(w1 * 1 + w0 * 0). “The purpose of ReLU is to introduce non-linearity … Other non-linear functions such as tanh or sigmoid can also be used.”</source>
        <translation>“인공 신경망은 사람의 뇌를 흉내 낸다 … 뉴런 하나는 활성화되거나(=1) 그렇지 않다(=0).” 활성화 함수 y = f(w1 * 1 + w0 * 0). “ReLU의 목적은 비선형성을 넣는 것이다 … tanh나 시그모이드 같은 다른 비선형 함수도 쓸 수 있다.”</translation>
    </message>
    <message>
        <source>&lt;b&gt;The weighted sum.&lt;/b&gt; A neuron multiplies each input by its weight, adds them up and subtracts its threshold h: s = w1·x1 + w0·x0 − h. These are the app&apos;s own numbers (the lecture&apos;s figure is lost), computed by the engine&apos;s Dense layer.</source>
        <translation>&lt;b&gt;가중합.&lt;/b&gt; 뉴런은 입력마다 그 가중치를 곱해 모두 더하고 문턱값 h를 뺍니다: s = w1·x1 + w0·x0 − h. 이 숫자들은 앱이 정한 것이며 (강의의 그림은 남아 있지 않습니다), 엔진의 Dense 층이 계산합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The activation.&lt;/b&gt; The neuron&apos;s output is f(s). Four choices side by side, each at the same s (red dot): the step the lecture starts from (activated = 1 or not = 0), sigmoid, tanh and ReLU. Only the step jumps; the others bend smoothly, so a small change of a weight changes the output a little — which is what gradient descent needs (Lesson 4).</source>
        <translation>&lt;b&gt;활성화.&lt;/b&gt; 뉴런의 출력은 f(s)입니다. 네 가지 선택을 나란히, 모두 같은 s에서 (빨간 점): 강의가 출발하는 계단 함수 (활성화 = 1, 아니면 = 0), 시그모이드, tanh, ReLU. 계단 함수만 뛰어오르고 나머지는 부드럽게 휘어서, 가중치를 조금 바꾸면 출력도 조금 바뀝니다 — 경사 하강법에 필요한 것이 바로 이것입니다 (강의 4).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why not a straight line?&lt;/b&gt; Take two layers with no activation between them (f(s) = s): hidden = W1·x + b1, output = W2·hidden + b2. Multiply out: output = (W2·W1)·x + (W2·b1 + b2) — one layer with W = W2·W1 and b = W2·b1 + b2. On the four XOR points both give the same numbers: stacking linear layers adds nothing, and one straight line cannot do XOR (Lesson 3).</source>
        <translation>&lt;b&gt;왜 직선이면 안 될까요?&lt;/b&gt; 사이에 활성화가 없는 (f(s) = s) 두 층을 생각해 봅시다: hidden = W1·x + b1, output = W2·hidden + b2. 풀어 쓰면: output = (W2·W1)·x + (W2·b1 + b2) — W = W2·W1, b = W2·b1 + b2인 층 하나입니다. XOR의 네 점에서 둘은 같은 숫자를 냅니다: 선형 층을 쌓아도 더해지는 것이 없고, 직선 하나로는 XOR을 할 수 없습니다 (강의 3).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Put ReLU between the same two layers&lt;/b&gt;: hidden = ReLU(W1·x + b1). Now the output is exactly XOR (0, 1, 1, 0), which no single linear layer can give. The non-linearity is what lets a deeper network represent more than a shallower one.</source>
        <translation>&lt;b&gt;같은 두 층 사이에 ReLU를 넣으면&lt;/b&gt;: hidden = ReLU(W1·x + b1). 이제 출력은 정확히 XOR (0, 1, 1, 0)이며, 선형 층 하나로는 낼 수 없는 결과입니다. 비선형성 덕분에 더 깊은 신경망이 더 얕은 신경망보다 더 많은 것을 표현할 수 있습니다.</translation>
    </message>
    <message>
        <source>{name}: y = {formula}, for s from −3 to 3; red dot: the example&apos;s s</source>
        <translation>{name}: y = {formula}, s는 −3에서 3까지. 빨간 점: 예제의 s</translation>
    </message>
    <message>
        <source>s (weighted sum)</source>
        <translation>s (가중합)</translation>
    </message>
    <message>
        <source>1 if s ≥ 0, else 0</source>
        <translation>s ≥ 0이면 1, 아니면 0</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>문턱값</translation>
    </message>
    <message>
        <source>At s = {s}:</source>
        <translation>s = {s}에서:</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>two layers</source>
        <translation>두 층</translation>
    </message>
    <message>
        <source>one layer W·x + b</source>
        <translation>한 층 W·x + b</translation>
    </message>
</context>
<context>
    <name>PanelExport</name>
    <message>
        <source>Copied {value} rows of numbers</source>
        <translation>숫자 {value}줄을 복사했습니다</translation>
    </message>
    <message>
        <source>{path}: the picture could not be written</source>
        <translation>{path}: 그림 파일을 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>PNG로 저장…</translation>
    </message>
    <message>
        <source>Save what this panel shows now as a PNG picture</source>
        <translation>이 패널이 지금 보여 주는 것을 PNG 그림으로 저장</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>데이터를 CSV로 저장…</translation>
    </message>
    <message>
        <source>Save the numbers this panel shows as a CSV table</source>
        <translation>이 패널이 보여 주는 숫자를 CSV 표로 저장</translation>
    </message>
    <message>
        <source>Copy numbers</source>
        <translation>숫자 복사</translation>
    </message>
    <message>
        <source>Copy the numbers this panel shows, tab-separated, for a spreadsheet</source>
        <translation>이 패널이 보여 주는 숫자를 스프레드시트용으로 탭으로 구분해 복사</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>PNG로 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Save data as CSV</source>
        <translation>데이터를 CSV로 저장</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>내보내지 못했습니다</translation>
    </message>
</context>
<context>
    <name>Picture</name>
    <message>
        <source>expected a 2-D grayscale image, got shape {value}</source>
        <translation>2차원 회색조 이미지가 와야 하는데 모양이 {value}입니다</translation>
    </message>
    <message>
        <source>an image of {value}×{value2} pixels is too thin to hold a drawing (each side needs at least 2 pixels)</source>
        <translation>{value}×{value2} 픽셀 이미지는 너무 가늘어 그림을 담을 수 없습니다 (각 변이 2픽셀 이상이어야 함)</translation>
    </message>
</context>
<context>
    <name>PipelineLesson</name>
    <message>
        <source>convolution: every filter slid over its input, one map per filter</source>
        <translation>합성곱: 각 필터가 입력 위를 미끄러지며, 필터마다 맵 하나</translation>
    </message>
    <message>
        <source>ReLU: negative values set to 0</source>
        <translation>ReLU: 음수 값을 0으로</translation>
    </message>
    <message>
        <source>max-pool: the largest value of each 2×2 window, half the size</source>
        <translation>최대 풀링: 2×2 창마다 가장 큰 값, 크기는 절반</translation>
    </message>
    <message>
        <source>average-pool: the mean of each 2×2 window, half the size</source>
        <translation>평균 풀링: 2×2 창마다 평균, 크기는 절반</translation>
    </message>
    <message>
        <source>flatten: all the maps laid out as one long list of numbers</source>
        <translation>평탄화: 모든 맵을 긴 숫자 목록 하나로 펼침</translation>
    </message>
    <message>
        <source>fully connected: every output looks at every input</source>
        <translation>완전 연결: 모든 출력이 모든 입력을 봄</translation>
    </message>
    <message>
        <source>dropout: only active while training; passes values through here</source>
        <translation>드롭아웃: 학습 중에만 작동하며, 여기서는 값을 그대로 통과시킴</translation>
    </message>
    <message>
        <source>first {value} of {total} maps · </source>
        <translation>맵 {total}개 중 처음 {value}개 · </translation>
    </message>
    <message>
        <source>white = paper 0, black = ink 1</source>
        <translation>흰색 = 종이 0, 검정 = 잉크 1</translation>
    </message>
    <message>
        <source>colour scale: yellow = +{limit:g}, light grey = 0, blue = −{limit:g}</source>
        <translation>색 눈금: 노랑 = +{limit:g}, 연회색 = 0, 파랑 = −{limit:g}</translation>
    </message>
    <message>
        <source>unit number</source>
        <translation>유닛 번호</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>7 · The whole CNN</source>
        <translation>7 · CNN 전체</translation>
    </message>
    <message>
        <source>“Inputs (2-dimension × channels) → [Convolution → ReLU → Pooling] → … → [Convolution → ReLU → Pooling] → Fully connected layer → Output prediction.” “Why is CNN superior at feature representations? Effectively reducing computational complexity (convolution filter); hierarchical feature representation (multiple convolution layers); non-linearity and less overfitting (ReLU and pooling).”</source>
        <translation>“입력 (2차원 × 채널) → [합성곱 → ReLU → 풀링] → … → [합성곱 → ReLU → 풀링] → 완전 연결층 → 출력 예측.” “CNN은 왜 특징 표현에 뛰어날까요? 계산 복잡도를 효과적으로 줄이고 (합성곱 필터), 계층적으로 특징을 표현하며 (여러 합성곱 층), 비선형성을 주고 과적합을 줄입니다 (ReLU와 풀링).”</translation>
    </message>
    <message>
        <source>Draw a shape and train a model: then each step follows your drawing one stage further.</source>
        <translation>도형을 그리고 모델을 학습하세요: 그러면 단계마다 내 그림을 한 단계씩 더 따라갑니다.</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>No model yet: train one (or open a model file), then come back.</source>
        <translation>아직 모델이 없습니다: 학습하거나 (모델 파일을 연 다음) 돌아오세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input&lt;/b&gt; · {shape}&lt;br&gt;the drawing as the network sees it</source>
        <translation>&lt;b&gt;입력&lt;/b&gt; · {shape}&lt;br&gt;신경망이 보는 그대로의 그림</translation>
    </message>
    <message>
        <source>&lt;b&gt;The input&lt;/b&gt;: your drawing as a 28×28 grid of ink values.</source>
        <translation>&lt;b&gt;입력&lt;/b&gt;: 잉크 값으로 된 28×28 격자로서의 내 그림.</translation>
    </message>
    <message>
        <source> (block {block})</source>
        <translation> (블록 {block})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {index} · {name}&lt;/b&gt;{where} · {shape}&lt;br&gt;{what}&lt;br&gt;&lt;small&gt;{parameters:,} parameters&lt;/small&gt;</source>
        <translation>&lt;b&gt;층 {index} · {name}&lt;/b&gt;{where} · {shape}&lt;br&gt;{what}&lt;br&gt;&lt;small&gt;파라미터 {parameters:,}개&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {index}: {name}&lt;/b&gt; — {what}. Output shape {shape}.</source>
        <translation>&lt;b&gt;층 {index}: {name}&lt;/b&gt; — {what}. 출력 형태 {shape}.</translation>
    </message>
    <message>
        <source> Showing the first 8 maps.</source>
        <translation> 처음 8개 맵을 보여 줍니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The prediction&lt;/b&gt;: softmax turns the last layer&apos;s numbers into probabilities.</source>
        <translation>&lt;b&gt;예측&lt;/b&gt;: 소프트맥스가 마지막 층의 숫자를 확률로 바꿉니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parameters&lt;/b&gt;: a convolution filter is small and reused at every position, so the CNN needs far fewer numbers than a fully connected network — “effectively reducing computational complexity”.</source>
        <translation>&lt;b&gt;파라미터&lt;/b&gt;: 합성곱 필터는 작고 모든 위치에서 다시 쓰이므로, CNN은 완전 연결 신경망보다 훨씬 적은 숫자로 충분합니다 — “계산 복잡도를 효과적으로 줄임”.</translation>
    </message>
    <message>
        <source>class {number}</source>
        <translation>클래스 {number}</translation>
    </message>
    <message>
        <source>this model</source>
        <translation>이 모델</translation>
    </message>
    <message>
        <source>default CNN preset</source>
        <translation>기본 CNN 프리셋</translation>
    </message>
    <message>
        <source>   its first conv layer ({n_out} filters {k}×{k})</source>
        <translation>   첫 합성곱 층 (필터 {n_out}개, {k}×{k})</translation>
    </message>
    <message>
        <source>   a fully connected layer with the same input and output</source>
        <translation>   입력과 출력이 같은 완전 연결층</translation>
    </message>
    <message>
        <source>MLP preset (no convolution)</source>
        <translation>MLP 프리셋 (합성곱 없음)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The saving is in the convolution layers.&lt;/b&gt; The default CNN&apos;s first conv layer maps the {size} drawing to {n_out} maps of {maps} with {first_conv_parameters:,} weights, reused at every position; an equivalent fully connected layer would need &lt;b&gt;{dense_equivalent_parameters:,}&lt;/b&gt; weights — {ratio:,.0f} times as many. &lt;b&gt;{value:.0f} %&lt;/b&gt; of the CNN&apos;s {conv_parameters:,} weights sit in its fully connected (dense) layers ({dense_parameters:,}), so the whole CNN has about as many as the MLP ({mlp_parameters:,}): what convolution buys is maps of where each pattern is, for very few weights.</source>
        <translation>&lt;b&gt;절약은 합성곱 층에서 일어납니다.&lt;/b&gt; 기본 CNN의 첫 합성곱 층은 {size} 그림을 가중치 {first_conv_parameters:,}개로 {maps} 크기의 맵 {n_out}개로 바꾸며, 이 가중치는 모든 위치에서 다시 쓰입니다. 같은 일을 하는 완전 연결층에는 가중치 &lt;b&gt;{dense_equivalent_parameters:,}&lt;/b&gt;개가 필요합니다 — {ratio:,.0f}배입니다. CNN의 가중치 {conv_parameters:,}개 중 &lt;b&gt;{value:.0f} %&lt;/b&gt;는 완전 연결(dense) 층({dense_parameters:,}개)에 있어서, CNN 전체의 가중치 수는 MLP({mlp_parameters:,}개)와 비슷합니다: 합성곱이 주는 것은 아주 적은 가중치로 각 패턴이 어디에 있는지 보여 주는 맵입니다.</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>training loss, each step</source>
        <translation>학습 손실, 단계마다</translation>
    </message>
    <message>
        <source>raw mini-batch loss</source>
        <translation>미니배치 손실 그대로</translation>
    </message>
    <message>
        <source>training loss, smoothed</source>
        <translation>학습 손실, 평활</translation>
    </message>
    <message>
        <source>exponential moving average</source>
        <translation>지수 이동 평균</translation>
    </message>
    <message>
        <source>held-out drawings</source>
        <translation>따로 둔 그림</translation>
    </message>
    <message>
        <source>training accuracy, smoothed</source>
        <translation>학습 정확도, 평활</translation>
    </message>
    <message>
        <source>mini-batch accuracy, averaged</source>
        <translation>미니배치 정확도, 평균</translation>
    </message>
    <message>
        <source>Loss and accuracy plots</source>
        <translation>손실과 정확도 그래프</translation>
    </message>
    <message>
        <source>Loss: how wrong the network is (lower is better)</source>
        <translation>손실: 신경망이 얼마나 틀리는지 (낮을수록 좋음)</translation>
    </message>
    <message>
        <source>cross-entropy loss</source>
        <translation>교차 엔트로피 손실</translation>
    </message>
    <message>
        <source>Accuracy: share of drawings guessed right (higher is better)</source>
        <translation>정확도: 맞힌 그림의 비율 (높을수록 좋음)</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>{title} plot</source>
        <translation>{title} 그래프</translation>
    </message>
    <message>
        <source>training progress</source>
        <translation>학습 진행</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>아직 실행 없음</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 외 {count}개</translation>
    </message>
    <message>
        <source> &amp;nbsp; {value} earlier runs, faded ({names})</source>
        <translation> &amp;nbsp; 바랜 이전 실행 {value}개 ({names})</translation>
    </message>
    <message>
        <source>run 1</source>
        <translation>실행 1</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>at the end of every epoch</source>
        <translation>에포크가 끝날 때마다</translation>
    </message>
    <message>
        <source>halfway through every epoch and at its end</source>
        <translation>에포크마다 중간과 끝에</translation>
    </message>
    <message>
        <source>{n} times an epoch, the last at its end</source>
        <translation>에포크마다 {n}번, 마지막은 에포크 끝에</translation>
    </message>
    <message>
        <source>each epoch</source>
        <translation>에포크마다</translation>
    </message>
    <message>
        <source>every half epoch</source>
        <translation>반 에포크마다</translation>
    </message>
    <message>
        <source>{n} times an epoch</source>
        <translation>에포크마다 {n}번</translation>
    </message>
    <message>
        <source>{text} {value:.3g}{unit} at {value2:.2f} epochs;</source>
        <translation>{text} {value:.3g}{unit} ({value2:.2f} 에포크);</translation>
    </message>
    <message>
        <source>The loss measures how wrong the network&apos;s guesses are, averaged over drawings.
Faint line: each mini-batch. Solid line: the same, smoothed. Orange dots: drawings held out
for validation, measured {when}. Faded lines are earlier runs.</source>
        <translation>손실은 신경망의 추측이 얼마나 틀렸는지를 그림들에 대해 평균 낸 것입니다.
흐린 선: 미니배치마다. 실선: 같은 값을 평활한 것. 주황 점: 검증용으로 따로 둔 그림,
{when} 측정. 바랜 선은 이전 실행입니다.</translation>
    </message>
    <message>
        <source>The share of drawings whose most likely class is the right one, in percent.
Blue: training mini-batches, smoothed. Orange dots: held-out validation drawings,
measured {when}. Faded lines are earlier runs.</source>
        <translation>가장 가능성 높은 클래스가 정답인 그림의 비율 (퍼센트).
파랑: 학습 미니배치, 평활. 주황 점: 따로 둔 검증 그림,
{when} 측정. 바랜 선은 이전 실행입니다.</translation>
    </message>
    <message>
        <source>{value} training, each step &amp;nbsp; {value2} training, smoothed &amp;nbsp; {value3} validation, {often}</source>
        <translation>{value} 학습, 단계마다 &amp;nbsp; {value2} 학습, 평활 &amp;nbsp; {value3} 검증, {often}</translation>
    </message>
    <message>
        <source>{value} training, smoothed &amp;nbsp; {value2} validation, {often}</source>
        <translation>{value} 학습, 평활 &amp;nbsp; {value2} 검증, {often}</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message>
        <source>{n} epoch</source>
        <translation>{n} 에포크</translation>
    </message>
    <message>
        <source>{n} epochs</source>
        <translation>{n} 에포크</translation>
    </message>
    <message>
        <source>{n} step</source>
        <translation>{n} 단계</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n} 단계</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n}개</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n}개</translation>
    </message>
</context>
<context>
    <name>PoolingLesson</name>
    <message>
        <source>6 · ReLU and pooling</source>
        <translation>6 · ReLU와 풀링</translation>
    </message>
    <message>
        <source>“Output = Max(zero, Input)” — “The purpose of ReLU is to introduce non-linearity.” “The purpose of pooling is to reduce the number of parameters and computations … Another purpose is to make the network invariant to small transformations, distortions and translations in the input image. Pooling can be of different types: Max, Average, Sum.”</source>
        <translation>“출력 = Max(0, 입력)” — “ReLU의 목적은 비선형성을 도입하는 것입니다.” “풀링의 목적은 파라미터와 계산의 수를 줄이는 것입니다 … 또 다른 목적은 입력 이미지의 작은 변형, 왜곡, 이동에 신경망이 흔들리지 않게 하는 것입니다. 풀링에는 여러 종류가 있습니다: 최대, 평균, 합.”</translation>
    </message>
    <message>
        <source>&lt;b&gt;ReLU&lt;/b&gt; on a feature map of your drawing (first conv layer of the app&apos;s network): every negative value (blue) becomes 0, positive values pass unchanged.</source>
        <translation>내 그림의 특징 맵(앱 신경망의 첫 합성곱 층)에 &lt;b&gt;ReLU&lt;/b&gt; 적용: 모든 음수 값(파랑)은 0이 되고, 양수 값은 그대로 통과합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2×2 max-pool&lt;/b&gt;, stride 2, on the lecture&apos;s 4×4 matrix: the top-left window.</source>
        <translation>강의의 4×4 행렬에 &lt;b&gt;2×2 최대 풀링&lt;/b&gt;, 스트라이드 2: 왼쪽 위 창.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2×2 max-pool&lt;/b&gt;: the top-right window.</source>
        <translation>&lt;b&gt;2×2 최대 풀링&lt;/b&gt;: 오른쪽 위 창.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2×2 max-pool&lt;/b&gt;: the bottom-left window.</source>
        <translation>&lt;b&gt;2×2 최대 풀링&lt;/b&gt;: 왼쪽 아래 창.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2×2 max-pool&lt;/b&gt;: the bottom-right window — the result is [[20, 30], [112, 37]].</source>
        <translation>&lt;b&gt;2×2 최대 풀링&lt;/b&gt;: 오른쪽 아래 창 — 결과는 [[20, 30], [112, 37]]입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Max, average and sum&lt;/b&gt; pooling of the same matrix, side by side.</source>
        <translation>같은 행렬의 &lt;b&gt;최대, 평균, 합&lt;/b&gt; 풀링을 나란히.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Small shifts&lt;/b&gt;: your drawing moved by a pixel or two. Do the feature maps change less after pooling than before it? Does the prediction stay the same? (Pooling helps; it does not make a small network immune to shifts.)</source>
        <translation>&lt;b&gt;작은 이동&lt;/b&gt;: 내 그림을 한두 픽셀 옮겼습니다. 특징 맵은 풀링 뒤에 풀링 전보다 덜 바뀔까요? 예측은 그대로일까요? (풀링은 도움이 되지만, 작은 신경망을 이동에 완전히 강하게 만들지는 않습니다.)</translation>
    </message>
    <message>
        <source>feature map of filter </source>
        <translation>특징 맵, 필터 </translation>
    </message>
    <message>
        <source>Before ReLU: the conv output</source>
        <translation>ReLU 전: 합성곱 출력</translation>
    </message>
    <message>
        <source>response (no unit)</source>
        <translation>반응 (단위 없음)</translation>
    </message>
    <message>
        <source>After ReLU: max(0, x)</source>
        <translation>ReLU 후: max(0, x)</translation>
    </message>
    <message>
        <source>Input (4×4)</source>
        <translation>입력 (4×4)</translation>
    </message>
    <message>
        <source>→ 2×2 max-pool, stride 2 →</source>
        <translation>→ 2×2 최대 풀링, 스트라이드 2 →</translation>
    </message>
    <message>
        <source>Output (2×2)</source>
        <translation>출력 (2×2)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>2×2 max pool</source>
        <translation>2×2 최대 풀링</translation>
    </message>
    <message>
        <source>2×2 average pool</source>
        <translation>2×2 평균 풀링</translation>
    </message>
    <message>
        <source>2×2 sum pool</source>
        <translation>2×2 합 풀링</translation>
    </message>
    <message>
        <source>Max keeps the strongest response in each window; average smooths; sum is the average × 4. (The engine has MaxPool2D and AvgPool2D; sum is shown as average × 4.) Each halves the width and the height: 4× fewer numbers.</source>
        <translation>최대는 각 창에서 가장 강한 반응을 남기고, 평균은 부드럽게 하며, 합은 평균 × 4입니다. (엔진에는 MaxPool2D와 AvgPool2D가 있고, 합은 평균 × 4로 보여 줍니다.) 모두 너비와 높이를 절반으로 줄입니다: 숫자가 4배 적어집니다.</translation>
    </message>
    <message>
        <source>change before
pooling</source>
        <translation>풀링 전
변화</translation>
    </message>
    <message>
        <source>change after
pooling</source>
        <translation>풀링 후
변화</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>shift (x, y)
in pixels</source>
        <translation>이동 (x, y)
픽셀</translation>
    </message>
    <message>
        <source>sure</source>
        <translation>확신</translation>
    </message>
    <message>
        <source>Change = mean |difference| of the first block&apos;s feature maps against the unshifted drawing, relative to their mean size.</source>
        <translation>변화 = 이동하지 않은 그림에 대한 첫 블록 특징 맵의 평균 |차이|, 맵의 평균 크기에 대한 비율.</translation>
    </message>
    <message>
        <source>Draw a shape on the canvas and train a CNN to see ReLU on its feature maps.</source>
        <translation>캔버스에 도형을 그리고 CNN을 학습하면 그 특징 맵에서 ReLU를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{neg} of {size} values were negative and are now 0</source>
        <translation>값 {size}개 중 {neg}개가 음수였고 이제 0입니다</translation>
    </message>
    <message>
        <source>; the positive ones pass unchanged (the largest is {value:.3g}).</source>
        <translation>. 양수 값은 그대로 통과합니다 (가장 큰 값은 {value:.3g}).</translation>
    </message>
    <message>
        <source>: nothing of this map is left after ReLU.</source>
        <translation>: ReLU 뒤에 이 맵에는 아무것도 남지 않습니다.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:x-large&apos;&gt;max({values}) = &lt;b&gt;{value:g}&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-size:x-large&apos;&gt;max({values}) = &lt;b&gt;{value:g}&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Draw a shape on the canvas and train the network to see this: an untrained network&apos;s predictions under shifts would mean nothing.</source>
        <translation>이것을 보려면 캔버스에 도형을 그리고 신경망을 학습하세요: 학습되지 않은 신경망의 이동에 대한 예측은 의미가 없습니다.</translation>
    </message>
    <message>
        <source>class {number}</source>
        <translation>클래스 {number}</translation>
    </message>
    <message>
        <source>The predicted class stayed the same for {same} of {value} shifts.</source>
        <translation>이동 {value}번 중 {same}번은 예측 클래스가 그대로였습니다.</translation>
    </message>
    <message>
        <source>After pooling the first block&apos;s maps changed less than before it in {steadier} of {value} shifts. </source>
        <translation>이동 {value}번 중 {steadier}번은 첫 블록의 맵이 풀링 전보다 풀링 뒤에 덜 바뀌었습니다. </translation>
    </message>
    <message>
        <source> This model has no pooling layer.</source>
        <translation> 이 모델에는 풀링 층이 없습니다.</translation>
    </message>
</context>
<context>
    <name>Prediction</name>
    <message>
        <source>Draw something on the canvas to see what the network guesses.</source>
        <translation>캔버스에 무언가를 그리면 신경망의 추측을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Untrained model: its weights are still random, so these guesses mean nothing yet. Press Train.</source>
        <translation>학습되지 않은 모델: 가중치가 아직 무작위라서 이 추측은 아직 의미가 없습니다. 학습을 누르세요.</translation>
    </message>
    <message>
        <source>The model is stale: the drawings changed since it was trained. Train again to include them.</source>
        <translation>모델이 오래되었습니다: 학습한 뒤 그림이 바뀌었습니다. 바뀐 그림을 넣으려면 다시 학습하세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Prediction&lt;/b&gt; — how sure the network is, per class</source>
        <translation>&lt;b&gt;예측&lt;/b&gt; — 클래스마다 신경망이 얼마나 확신하는지</translation>
    </message>
    <message>
        <source>For the drawing on the canvas, from the model as it is right now</source>
        <translation>캔버스의 그림에 대해, 지금 그대로의 모델로</translation>
    </message>
    <message>
        <source>Prediction per class</source>
        <translation>클래스별 예측</translation>
    </message>
    <message>
        <source>The network&apos;s output turned into probabilities (softmax): one per class, adding up to 100 %.
The longest bar is its guess. A high percentage means the network is sure, not that it is
right. Below {not_sure:.0%} it says &apos;Not sure&apos;: on real people&apos;s drawings, such guesses
of a model trained on the app&apos;s own drawings were right only about half the time.</source>
        <translation>신경망의 출력을 확률로 바꾼 것 (소프트맥스): 클래스마다 하나, 합은 100 %.
가장 긴 막대가 신경망의 추측입니다. 퍼센트가 높다는 것은 신경망이 확신한다는 뜻이지,
맞았다는 뜻은 아닙니다. {not_sure:.0%} 미만이면 &apos;잘 모름&apos;이라고 합니다: 앱의 그림으로 학습한 모델의
그런 추측은 실제 사람들의 그림에서 절반 정도만 맞았습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not sure&lt;/b&gt; — perhaps {swatch} {name} ({percent})</source>
        <translation>&lt;b&gt;잘 모름&lt;/b&gt; — 아마도 {swatch} {name} ({percent})</translation>
    </message>
    <message>
        <source>Most likely: &lt;b&gt;{swatch} {name}&lt;/b&gt; ({percent})</source>
        <translation>가장 가능성 높음: &lt;b&gt;{swatch} {name}&lt;/b&gt; ({percent})</translation>
    </message>
    <message>
        <source>{value} classes but {value2} probabilities</source>
        <translation>클래스는 {value}개인데 확률은 {value2}개</translation>
    </message>
    <message>
        <source>No prediction yet: draw something on the canvas first.</source>
        <translation>아직 예측이 없습니다: 먼저 캔버스에 무언가를 그리세요.</translation>
    </message>
</context>
<context>
    <name>Raster</name>
    <message>
        <source>an empty drawing (no strokes) cannot be rasterized</source>
        <extracomment>pen width and margin as fractions of the output size (2 px and 2 px at 28 x 28) optional key in Drawing.extra: pen width relative to the default (augmentation sets it) turn drawings (by at most 45 degrees) so their tightest bounding box is upright bounding boxes within this fraction of the tightest count as tight (round shapes are not turned) drawings longer than LONG_ASPECT:1 are shown LONG_ASPECT:1, their short side widened at most LONG_WIDEN_MAX times (see _widen_factor) longest side (pixels) an image&apos;s ink is reduced to before thinning rasterising works on pieces of at most this many drawings / points / pen samples at a time, so its memory stays bounded (a few tens of MB) whatever the drawings (see engine.limits)</extracomment>
        <translation>빈 그림(획 없음)은 래스터화할 수 없습니다</translation>
    </message>
    <message>
        <source>a drawing without points cannot be rasterized</source>
        <translation>점이 없는 그림은 래스터화할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>{what}; blue = negative, light grey = 0, yellow = positive</source>
        <translation>{what}. 파랑 = 음수, 연회색 = 0, 노랑 = 양수</translation>
    </message>
    <message>
        <source>&lt;text x=&quot;{value}&quot; y=&quot;{value2}&quot; text-anchor=&quot;middle&quot; font-size=&quot;11&quot;&gt;training progress (epochs)&lt;/text&gt;</source>
        <translation>&lt;text x=&quot;{value}&quot; y=&quot;{value2}&quot; text-anchor=&quot;middle&quot; font-size=&quot;11&quot;&gt;학습 진행 (에포크)&lt;/text&gt;</translation>
    </message>
    <message>
        <source> ({value} drawings and images</source>
        <translation> (그림과 이미지 {value}개</translation>
    </message>
    <message>
        <source>, {samples} of them in the training split)</source>
        <translation>, 그중 {samples}개는 학습용)</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>표본 수</translation>
    </message>
    <message>
        <source>note</source>
        <translation>참고</translation>
    </message>
    <message>
        <source>not a class of the model</source>
        <translation>모델의 클래스가 아님</translation>
    </message>
    <message>
        <source>&lt;p&gt;{value} samples from {value2}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{value2}에서 표본 {value}개.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Drawings per class&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;클래스별 그림 수&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Drawings per drawer&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;그린 사람별 그림 수&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>drawer</source>
        <translation>그린 사람</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;note&quot;&gt;{missing} samples carry no drawer.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;note&quot;&gt;표본 {missing}개에는 그린 사람이 없습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Drawings per drawer&lt;/h3&gt;&lt;p class=&quot;note&quot; id=&quot;no-drawers&quot;&gt;The samples carry no &lt;code&gt;drawer&lt;/code&gt; key, so they cannot be counted per drawer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;그린 사람별 그림 수&lt;/h3&gt;&lt;p class=&quot;note&quot; id=&quot;no-drawers&quot;&gt;표본에 &lt;code&gt;drawer&lt;/code&gt; 키가 없어서 그린 사람별로 셀 수 없습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Contact sheet&lt;/h3&gt;&lt;p class=note&gt;Up to {CONTACT_PER_CLASS} samples of each class as the network sees them ({S}×{S} px, shown 2×).&lt;/p&gt;&lt;div class=grid&gt;</source>
        <translation>&lt;h3&gt;밀착 인화&lt;/h3&gt;&lt;p class=note&gt;클래스마다 표본 최대 {CONTACT_PER_CLASS}개를 신경망이 보는 대로 ({S}×{S} 픽셀, 2배로 표시).&lt;/p&gt;&lt;div class=grid&gt;</translation>
    </message>
    <message>
        <source>contact sheet: {name}</source>
        <translation>밀착 인화: {name}</translation>
    </message>
    <message>
        <source>model preset</source>
        <translation>모델 프리셋</translation>
    </message>
    <message>
        <source>epochs trained</source>
        <translation>학습한 에포크</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>weight averaging</source>
        <translation>가중치 평균</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>steps (mini-batches)</source>
        <translation>단계 (미니배치)</translation>
    </message>
    <message>
        <source>training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <source>model file written</source>
        <translation>모델 파일을 쓴 때</translation>
    </message>
    <message>
        <source>validation accuracy at the end</source>
        <translation>마지막 검증 정확도</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Settings&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;설정&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;note&quot;&gt;The model file records no training settings.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;note&quot;&gt;모델 파일에 학습 설정이 기록되어 있지 않습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Trained on: {value}&lt;/p&gt;</source>
        <translation>&lt;p&gt;학습 데이터: {value}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loss and accuracy&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;손실과 정확도&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Loss (cross-entropy)</source>
        <translation>손실 (교차 엔트로피)</translation>
    </message>
    <message>
        <source>loss (nats)</source>
        <translation>손실 (nat)</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>&lt;/div&gt;&lt;p class=note&gt;Each point is one epoch: the training figures are the mean over the epoch&apos;s mini-batches, the validation figures those of the held-out drawings.&lt;/p&gt;</source>
        <translation>&lt;/div&gt;&lt;p class=note&gt;점 하나가 에포크 하나입니다: 학습 수치는 그 에포크 미니배치들의 평균, 검증 수치는 따로 둔 그림의 값입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;note&quot; id=&quot;no-curves&quot;&gt;This model file does not record its training curves (models trained by this ShapeLab, in the app or with &lt;code&gt;main.py train&lt;/code&gt;, record them).&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;note&quot; id=&quot;no-curves&quot;&gt;이 모델 파일에는 학습 곡선이 기록되어 있지 않습니다 (이 ShapeLab이 앱이나 &lt;code&gt;main.py train&lt;/code&gt;으로 학습한 모델은 기록합니다).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Accuracy &lt;b id=&quot;accuracy&quot; data-value=&quot;{accuracy!r}&quot;&gt;{value}&lt;/b&gt; on &lt;span id=&quot;counted&quot; data-value=&quot;{n}&quot;&gt;{n}&lt;/span&gt; samples (the same figure as &lt;code&gt;main.py evaluate&lt;/code&gt; on the same data). If these include the training drawings, this is not a held-out accuracy.&lt;/p&gt;</source>
        <translation>&lt;p&gt;표본 &lt;span id=&quot;counted&quot; data-value=&quot;{n}&quot;&gt;{n}&lt;/span&gt;개에서 정확도 &lt;b id=&quot;accuracy&quot; data-value=&quot;{accuracy!r}&quot;&gt;{value}&lt;/b&gt; (같은 데이터에 대한 &lt;code&gt;main.py evaluate&lt;/code&gt;와 같은 수치). 이 표본에 학습 그림이 들어 있다면 따로 둔 데이터의 정확도가 아닙니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Per class&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;클래스별&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;note&quot;&gt;Not counted: labels the model does not know: {listed}.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;note&quot;&gt;세지 않음: 모델이 모르는 레이블: {listed}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Confusion matrix&lt;/h3&gt;&lt;p class=note&gt;Rows: the true class; columns: the predicted class. Blue: right, red: wrong (the darker, the larger the share of the row).&lt;/p&gt;&lt;table id=&quot;confusion&quot;&gt;&lt;tr&gt;&lt;th&gt;true \ predicted&lt;/th&gt;{head}&lt;/tr&gt;{value}&lt;/table&gt;</source>
        <translation>&lt;h3&gt;혼동 행렬&lt;/h3&gt;&lt;p class=note&gt;행: 실제 클래스, 열: 예측 클래스. 파랑: 정답, 빨강: 오답 (진할수록 그 행에서 차지하는 비율이 큼).&lt;/p&gt;&lt;table id=&quot;confusion&quot;&gt;&lt;tr&gt;&lt;th&gt;실제 \ 예측&lt;/th&gt;{head}&lt;/tr&gt;{value}&lt;/table&gt;</translation>
    </message>
    <message>
        <source>&lt;h3 id=&quot;mistakes&quot;&gt;Most confidently wrong&lt;/h3&gt;</source>
        <translation>&lt;h3 id=&quot;mistakes&quot;&gt;가장 확신하며 틀린 그림&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=note&gt;{value} of {n} samples are misclassified; the {value2} the model was surest about:&lt;/p&gt;&lt;div class=grid&gt;</source>
        <translation>&lt;p class=note&gt;표본 {n}개 중 {value}개를 잘못 분류했습니다. 모델이 가장 확신한 {value2}개:&lt;/p&gt;&lt;div class=grid&gt;</translation>
    </message>
    <message>
        <source>&lt;figure&gt;{value}&lt;figcaption&gt;true: {value2}&lt;br&gt;predicted: {value3} ({value4})&lt;br&gt;&lt;small&gt;{src}&lt;/small&gt;&lt;/figcaption&gt;&lt;/figure&gt;</source>
        <translation>&lt;figure&gt;{value}&lt;figcaption&gt;실제: {value2}&lt;br&gt;예측: {value3} ({value4})&lt;br&gt;&lt;small&gt;{src}&lt;/small&gt;&lt;/figcaption&gt;&lt;/figure&gt;</translation>
    </message>
    <message>
        <source>misclassified sample</source>
        <translation>잘못 분류된 표본</translation>
    </message>
    <message>
        <source>&lt;p&gt;No sample is misclassified.&lt;/p&gt;</source>
        <translation>&lt;p&gt;잘못 분류된 표본이 없습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;note&quot;&gt;This model has no convolution layers (the MLP preset): there are no filters or feature maps to show.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;note&quot;&gt;이 모델에는 합성곱 층이 없습니다 (MLP 프리셋): 보여 줄 필터나 특징 맵이 없습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{o} filters of {k}×{k} on the drawing</source>
        <translation>그림에 대한 {k}×{k} 필터 {o}개</translation>
    </message>
    <message>
        <source>{o} filters (rows) × {c} input channels (columns), {k}×{k} each</source>
        <translation>필터 {o}개 (행) × 입력 채널 {c}개 (열), 각 {k}×{k}</translation>
    </message>
    <message>
        <source>&lt;figure&gt;{value}&lt;figcaption&gt;Convolution {n} (layer {i}): {what}&lt;/figcaption&gt;{value2}&lt;/figure&gt;</source>
        <translation>&lt;figure&gt;{value}&lt;figcaption&gt;합성곱 {n} (층 {i}): {what}&lt;/figcaption&gt;{value2}&lt;/figure&gt;</translation>
    </message>
    <message>
        <source>filters of convolution {n}</source>
        <translation>합성곱 {n}의 필터</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>&lt;h3 id=&quot;feature-maps&quot;&gt;Feature maps of a sample drawing&lt;/h3&gt;&lt;div class=grid&gt;&lt;figure&gt;{value}&lt;figcaption&gt;the sample ({value2})&lt;/figcaption&gt;&lt;/figure&gt;</source>
        <translation>&lt;h3 id=&quot;feature-maps&quot;&gt;표본 그림의 특징 맵&lt;/h3&gt;&lt;div class=grid&gt;&lt;figure&gt;{value}&lt;figcaption&gt;표본 ({value2})&lt;/figcaption&gt;&lt;/figure&gt;</translation>
    </message>
    <message>
        <source>sample drawing</source>
        <translation>표본 그림</translation>
    </message>
    <message>
        <source>&lt;figure&gt;{value}&lt;figcaption&gt;after conv → ReLU → pool stage {stage}: {value2} maps of {value3}×{value4}; white 0, black {top:.3g} (the stage&apos;s largest value)&lt;/figcaption&gt;&lt;/figure&gt;</source>
        <translation>&lt;figure&gt;{value}&lt;figcaption&gt;합성곱 → ReLU → 풀링 단계 {stage} 뒤: {value3}×{value4} 맵 {value2}개. 흰색 0, 검정 {top:.3g} (그 단계의 가장 큰 값)&lt;/figcaption&gt;&lt;/figure&gt;</translation>
    </message>
    <message>
        <source>feature maps after stage {stage}</source>
        <translation>단계 {stage} 뒤의 특징 맵</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;model&lt;/th&gt;&lt;td&gt;{value}: {value2} layout, {value3:,} weights&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;모델&lt;/th&gt;&lt;td&gt;{value}: {value2} 구성, 가중치 {value3:,}개&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;classes&lt;/th&gt;&lt;td&gt;{classes}&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;클래스&lt;/th&gt;&lt;td&gt;{classes}&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;trained on&lt;/th&gt;&lt;td&gt;{value}&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;학습 데이터&lt;/th&gt;&lt;td&gt;{value}&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;what it is for&lt;/th&gt;&lt;td&gt;Telling apart hand-drawn {value} drawn with a pen or mouse, in class, to see how a small convolutional network learns. It is a teaching model: it has only seen the drawings above and knows no other classes (anything else is forced into one of them).&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;용도&lt;/th&gt;&lt;td&gt;수업에서 펜이나 마우스로 손으로 그린 {value}을(를) 구별하며, 작은 합성곱 신경망이 어떻게 배우는지 보기 위한 것입니다. 교육용 모델입니다: 위의 그림만 보았고 다른 클래스는 모릅니다 (그 밖의 것은 억지로 이 클래스 중 하나에 넣습니다).&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;input&lt;/th&gt;&lt;td&gt;{S}×{S} grey, ink 1 on 0, framed as ShapeLab does (centred, scaled to fit, upright within 45°, strokes of a fixed width)&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;입력&lt;/th&gt;&lt;td&gt;{S}×{S} 회색조, 0 위에 잉크 1, ShapeLab과 같은 방식으로 맞춤 (가운데 정렬, 크기 맞춤, 45° 안에서 바로 세움, 일정한 획 굵기)&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th&gt;measured here&lt;/th&gt;&lt;td&gt;{value} on {n} samples of {value2}&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;여기서 측정&lt;/th&gt;&lt;td&gt;{value2}의 표본 {n}개에서 {value}&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>the data given</source>
        <translation>주어진 데이터</translation>
    </message>
    <message>
        <source>&lt;/table&gt;&lt;h3&gt;Layers&lt;/h3&gt;&lt;pre&gt;</source>
        <translation>&lt;/table&gt;&lt;h3&gt;층&lt;/h3&gt;&lt;pre&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;How to load it&lt;/h3&gt;&lt;pre&gt;</source>
        <translation>&lt;h3&gt;불러오는 방법&lt;/h3&gt;&lt;pre&gt;</translation>
    </message>
    <message>
        <source>&lt;/pre&gt;&lt;p class=note&gt;Export formats: {value}.&lt;/p&gt;</source>
        <translation>&lt;/pre&gt;&lt;p class=note&gt;내보내기 형식: {value}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Settings and run</source>
        <translation>설정과 실행</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Learned filters and feature maps</source>
        <translation>학습된 필터와 특징 맵</translation>
    </message>
    <message>
        <source>Model card</source>
        <translation>모델 카드</translation>
    </message>
    <message>
        <source>en</source>
        <translation>ko</translation>
    </message>
    <message>
        <source>ShapeLab report: {model}</source>
        <translation>ShapeLab 보고서: {model}</translation>
    </message>
    <message>
        <source>ShapeLab training report</source>
        <translation>ShapeLab 학습 보고서</translation>
    </message>
</context>
<context>
    <name>Representation</name>
    <message>
        <source>a fixed sample of {n:,} of the {total:,} drawings, each class keeping its share</source>
        <translation>그림 {total:,}개 가운데 고정된 표본 {n:,}개, 클래스마다 제 비율을 유지</translation>
    </message>
    <message>
        <source>at most {n:,} drawings; with more, a fixed sample keeping each class&apos;s share</source>
        <translation>그림 최대 {n:,}개. 더 많으면 클래스마다 제 비율을 유지하는 고정된 표본</translation>
    </message>
    <message>
        <source>A linear probe is the simplest classifier there is: one straight cut per class (ridge regression
onto the classes, on the numbers a layer produces).
Leave-one-out: each of the {many} drawings is classified by a probe fitted on the other {others},
and the bar is the share classified right
({sample}).
Each layer is summed up by at most {budget} numbers per drawing (each map averaged over a
coarse grid of regions), so no layer wins by sheer size{seen}.
The ridge penalty is the best of {alphas} by the same leave-one-out count.
Grey bar: the same layers with random, untrained weights (mean of {seeds}), so you see
what training added. High accuracy = at that layer the classes are linearly separable.</source>
        <translation>선형 탐침(linear probe)은 가장 단순한 분류기입니다: 클래스마다 직선 하나로 가릅니다 (층이 만든 숫자로
클래스에 대해 릿지 회귀).
하나 빼기 교차 검증: 그림 {many}개 하나하나를 나머지 {others}개로 맞춘 탐침이 분류하고,
막대는 올바르게 분류한 비율입니다
({sample}).
각 층은 그림마다 최대 {budget}개의 숫자로 요약됩니다 (각 맵을
거친 격자 영역마다 평균), 그래서 크기만으로 이기는 층은 없습니다{seen}.
릿지 벌점은 {alphas}개 중 같은 하나 빼기 계산으로 가장 좋은 것입니다.
회색 막대: 같은 층을 무작위의 학습 안 된 가중치로 ({seeds}번 평균), 학습이 무엇을 더했는지
보여 줍니다. 정확도가 높다 = 그 층에서 클래스들이 선형 분리 가능하다.</translation>
    </message>
    <message>
        <source>untrained 100%</source>
        <translation>학습 전 100%</translation>
    </message>
    <message>
        <source>untrained {value}</source>
        <translation>학습 전 {value}</translation>
    </message>
    <message>
        <source>principal direction 1 (no unit)</source>
        <translation>주성분 방향 1 (단위 없음)</translation>
    </message>
    <message>
        <source>principal direction 2 (no unit)</source>
        <translation>주성분 방향 2 (단위 없음)</translation>
    </message>
    <message>
        <source>principal direction 1 — {value:.0f}% of the spread</source>
        <translation>주성분 방향 1 — 퍼짐의 {value:.0f}%</translation>
    </message>
    <message>
        <source>principal direction 2 — {value:.0f}% of the spread</source>
        <translation>주성분 방향 2 — 퍼짐의 {value:.0f}%</translation>
    </message>
    <message>
        <source>&lt;b&gt;Representations&lt;/b&gt; — how each layer arranges your drawings</source>
        <translation>&lt;b&gt;표현&lt;/b&gt; — 각 층이 내 그림을 어떻게 배치하는지</translation>
    </message>
    <message>
        <source>Each dot is one drawing, placed along the two directions in which that layer&apos;s numbers vary most (PCA). Colour and shape = its class. When a layer puts each class in its own group, a straight line can separate them: the network has learned a better representation than the raw pixels.</source>
        <translation>점 하나가 그림 하나이며, 그 층의 숫자가 가장 크게 변하는 두 방향(PCA)을 따라 놓입니다. 색과 모양 = 클래스. 한 층이 클래스마다 따로 무리를 지으면 직선으로 가를 수 있습니다: 신경망이 원래 픽셀보다 더 나은 표현을 배운 것입니다.</translation>
    </message>
    <message>
        <source>Setting up this plot…</source>
        <translation>이 그래프를 준비하는 중…</translation>
    </message>
    <message>
        <source>Raw pixels (784 numbers per drawing)</source>
        <translation>원래 픽셀 (그림마다 숫자 784개)</translation>
    </message>
    <message>
        <source>Hidden layer</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <source>A layer of the network (none computed yet)</source>
        <translation>신경망의 한 층 (아직 계산되지 않음)</translation>
    </message>
    <message>
        <source>Each plot shows all {total:,} drawings.</source>
        <translation>두 그래프 모두 그림 {total:,}개를 전부 보여 줍니다.</translation>
    </message>
    <message>
        <source>Showing {shown:,} of {total:,} drawings, chosen at random with a fixed seed (the same ones in both plots), so that the window stays quick.</source>
        <translation>그림 {total:,}개 중 {shown:,}개를 보여 줍니다. 고정된 시드로 무작위로 골랐으며(두 그래프에 같은 그림), 창이 느려지지 않도록 하기 위해서입니다.</translation>
    </message>
    <message>
        <source>Which layer&apos;s output to show on the right</source>
        <translation>오른쪽에 보여 줄 층의 출력</translation>
    </message>
    <message>
        <source>&lt;b&gt;Linear probe&lt;/b&gt;: accuracy of a straight-line classifier on each layer, every drawing tested by a probe that did not see it (blue: this network; grey: the same layers untrained; dashed line = guessing)</source>
        <translation>&lt;b&gt;선형 탐침&lt;/b&gt;: 각 층에서 직선 분류기의 정확도. 그림마다 그것을 보지 않은 탐침으로 시험 (파랑: 이 신경망, 회색: 학습 안 된 같은 층, 점선 = 찍기)</translation>
    </message>
    <message>
        <source>Point at a dot to see its drawing; click to open it in the canvas.</source>
        <translation>점을 가리키면 그림이 보이고, 클릭하면 캔버스에서 열립니다.</translation>
    </message>
    <message>
        <source>No model yet: train to see how the layers arrange the drawings.</source>
        <translation>아직 모델이 없습니다: 학습하면 층들이 그림을 어떻게 배치하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Right-hand plot shows:</source>
        <translation>오른쪽 그래프:</translation>
    </message>
    <message>
        <source>Left-hand plot: the drawings as the network receives them</source>
        <translation>왼쪽 그래프: 신경망이 받는 그대로의 그림</translation>
    </message>
    <message>
        <source>Classes: </source>
        <translation>클래스: </translation>
    </message>
    <message>
        <source>raw pixels</source>
        <translation>원래 픽셀</translation>
    </message>
    <message>
        <source>Waiting for the analysis of the {n:,} drawings (their rasters and the projection of the raw pixels)…</source>
        <translation>그림 {n:,}개의 분석(래스터와 원래 픽셀의 투영)을 기다리는 중…</translation>
    </message>
    <message>
        <source>Drawing #{value}: “{label}”. Click to open it in the canvas.</source>
        <translation>그림 #{value}: “{label}”. 클릭하면 캔버스에서 열립니다.</translation>
    </message>
</context>
<context>
    <name>Saliency</name>
    <message>
        <source>&lt;b&gt;Where the network looks&lt;/b&gt; — for the drawing on the canvas</source>
        <translation>&lt;b&gt;신경망은 어디를 보나&lt;/b&gt; — 캔버스의 그림에 대해</translation>
    </message>
    <message>
        <source>Left, gradient: how the score of the predicted class would change if a pixel got a little more ink (yellow = the score rises, blue = it falls). Right, occlusion: how much the network&apos;s confidence drops when a 6×6 patch of the drawing is hidden (yellow = it relied on that part). The drawing is shown in grey underneath, as the network sees it (28×28 pixels).</source>
        <translation>왼쪽, 기울기: 픽셀에 잉크가 조금 더 묻으면 예측 클래스의 점수가 어떻게 바뀌는지 (노랑 = 점수가 오름, 파랑 = 내림). 오른쪽, 가림: 그림의 6×6 조각을 가리면 신경망의 확신이 얼마나 떨어지는지 (노랑 = 그 부분에 의지함). 그림은 신경망이 보는 대로 (28×28 픽셀) 아래에 회색으로 보입니다.</translation>
    </message>
    <message>
        <source>Draw something on the canvas.</source>
        <translation>캔버스에 무언가를 그리세요.</translation>
    </message>
    <message>
        <source>Gradient of the class score</source>
        <translation>클래스 점수의 기울기</translation>
    </message>
    <message>
        <source>∂ score / ∂ pixel</source>
        <translation>∂ 점수 / ∂ 픽셀</translation>
    </message>
    <message>
        <source>Occlusion: drop in confidence</source>
        <translation>가림: 확신의 감소</translation>
    </message>
    <message>
        <source>drop in probability (percentage points)</source>
        <translation>확률 감소 (퍼센트포인트)</translation>
    </message>
    <message>
        <source>Saliency and occlusion are two ways to ask the network where it looks.
They explain this one drawing, for the class the network predicts.</source>
        <translation>현저성과 가림은 신경망에게 어디를 보는지 묻는 두 가지 방법입니다.
신경망이 예측한 클래스에 대해 이 그림 하나를 설명합니다.</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>아직 모델이 없습니다.</translation>
    </message>
    <message>
        <source>class {number}</source>
        <translation>클래스 {number}</translation>
    </message>
    <message>
        <source>more than 99.9</source>
        <translation>99.9 넘게</translation>
    </message>
    <message>
        <source>The network predicts “{name}” ({sure}% sure). Both maps explain that prediction.</source>
        <translation>신경망은 “{name}”(이)라고 예측합니다 (확신 {sure}%). 두 맵 모두 그 예측을 설명합니다.</translation>
    </message>
    <message>
        <source> Hiding any one 6×6 patch lowers its confidence by at most {biggest:.2g} percentage points: it is sure even with parts of the drawing hidden.</source>
        <translation> 6×6 조각 하나를 가려도 확신이 최대 {biggest:.2g} 퍼센트포인트만 떨어집니다: 그림 일부가 가려져도 확신합니다.</translation>
    </message>
    <message>
        <source> (rows {value}–{value2}, columns {value3}–{value4})</source>
        <translation> ({value}–{value2}행, {value3}–{value4}열)</translation>
    </message>
    <message>
        <source> Hiding the most important single 6×6 patch{at} costs {biggest:.1f} percentage points of confidence; the map shows each pixel&apos;s average over the patches covering it.</source>
        <translation> 가장 중요한 6×6 조각 하나{at}을(를) 가리면 확신이 {biggest:.1f} 퍼센트포인트 떨어집니다. 맵은 각 픽셀을 덮는 조각들의 평균을 보여 줍니다.</translation>
    </message>
    <message>
        <source> Gradient: {hidden} pixels of blank paper away from the drawing are left at 0 — there the network&apos;s max-pooling windows hold equal values (ties), and their gradient would be an artefact of how ties are broken.</source>
        <translation> 기울기: 그림에서 떨어진 빈 종이의 픽셀 {hidden}개는 0으로 둡니다 — 그곳에서는 신경망의 최대 풀링 창에 같은 값(동률)이 있어서, 기울기는 동률을 어떻게 깨느냐에 따라 생기는 인공물이 됩니다.</translation>
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
        <source>Takes effect when ShapeLab starts again</source>
        <translation>ShapeLab을 다시 시작하면 적용됩니다</translation>
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
<context>
    <name>SeparabilityLesson</name>
    <message>
        <source>input x1</source>
        <translation>입력 x1</translation>
    </message>
    <message>
        <source>input x0</source>
        <translation>입력 x0</translation>
    </message>
    <message>
        <source>3 · Linearly separable or not: one neuron against a hidden layer</source>
        <translation>3 · 선형 분리 가능한가: 뉴런 하나 대 은닉층</translation>
    </message>
    <message>
        <source>“A single neuron is activated (= 1) or not (= 0).” y = f(w1·x1 + w0·x0 − h). “(1) If the model outputs 1 and the true value is 0, how should you modify the parameters (w1, w0, h)? (2) If it outputs 0 and the true value is 1? (3) Until when?” — “Multi-layer neural networks can solve [non-linearly separable problems] by transforming the input in a better representation.”</source>
        <translation>“뉴런 하나는 활성화되거나(= 1) 그렇지 않습니다(= 0).” y = f(w1·x1 + w0·x0 − h). “(1) 모델이 1을 출력했는데 참값이 0이면 파라미터 (w1, w0, h)를 어떻게 고쳐야 할까요? (2) 0을 출력했는데 참값이 1이면? (3) 언제까지?” — “다층 신경망은 입력을 더 나은 표현으로 바꿔서 [선형 분리가 불가능한 문제]를 풀 수 있습니다.”</translation>
    </message>
    <message>
        <source>Each &lt;b&gt;Next step&lt;/b&gt; shows one point to the single neuron and applies its rule, and trains the hidden-layer network for 25 more gradient steps. Red circles: target 1; blue squares: target 0. Shading: what each model answers there. Try AND and OR, then XOR, then place your own points (click: target 1, Shift+click: target 0).</source>
        <translation>&lt;b&gt;다음 단계&lt;/b&gt;마다 뉴런 하나에 점 하나를 보여 주고 그 규칙을 적용하며, 은닉층 신경망은 경사 단계 25번을 더 학습합니다. 빨간 원: 목표 1, 파란 사각형: 목표 0. 음영: 그곳에서 각 모델의 답. AND와 OR, 그다음 XOR을 해 보고, 직접 점을 찍어 보세요 (클릭: 목표 1, Shift+클릭: 목표 0).</translation>
    </message>
    <message>
        <source>Your points</source>
        <translation>내 점</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Keep taking steps, five a second</source>
        <translation>초당 다섯 단계씩 계속 진행</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>처음부터</translation>
    </message>
    <message>
        <source>Single neuron&lt;br&gt;y = 1 if w1·x1 + w0·x0 − h ≥ 0</source>
        <translation>뉴런 하나&lt;br&gt;w1·x1 + w0·x0 − h ≥ 0이면 y = 1</translation>
    </message>
    <message>
        <source>Shaded red where the neuron outputs 1, blue where it outputs 0.
The dashed line is w1·x1 + w0·x0 = h: one straight line is all it can draw.</source>
        <translation>뉴런이 1을 출력하는 곳은 빨강, 0을 출력하는 곳은 파랑으로 칠했습니다.
점선은 w1·x1 + w0·x0 = h: 뉴런 하나가 그을 수 있는 것은 직선 하나뿐입니다.</translation>
    </message>
    <message>
        <source>One hidden layer&lt;br&gt;(8 tanh units)</source>
        <translation>은닉층 하나&lt;br&gt;(tanh 유닛 8개)</translation>
    </message>
    <message>
        <source>Shading: the network&apos;s probability of target 1 (white = 50 %).
Its hidden layer lets it bend the boundary.</source>
        <translation>음영: 신경망이 본 목표 1의 확률 (흰색 = 50 %).
은닉층 덕분에 경계를 구부릴 수 있습니다.</translation>
    </message>
    <message>
        <source>What the output neuron sees&lt;br&gt;(the hidden layer&apos;s outputs)</source>
        <translation>출력 뉴런이 보는 것&lt;br&gt;(은닉층의 출력)</translation>
    </message>
    <message>
        <source>output neuron&apos;s sum w·h + b (≥ 0 → 1)</source>
        <translation>출력 뉴런의 합 w·h + b (≥ 0 → 1)</translation>
    </message>
    <message>
        <source>hidden outputs, other direction</source>
        <translation>은닉층 출력, 다른 방향</translation>
    </message>
    <message>
        <source>Each point as the hidden layer hands it to the output neuron (8 numbers per point, shown
along two directions). Horizontal: the output neuron&apos;s weighted sum; the dashed line at 0 is
its one straight line. When red and blue fall on its two sides, the hidden layer has made
the points linearly separable — even XOR.</source>
        <translation>은닉층이 출력 뉴런에 넘겨주는 대로의 각 점 (점마다 숫자 8개를
두 방향으로 보여 줌). 가로축: 출력 뉴런의 가중합. 0의 점선이
출력 뉴런의 직선 하나입니다. 빨강과 파랑이 그 양쪽으로 갈리면, 은닉층이
점들을 선형 분리 가능하게 만든 것입니다 — XOR조차도.</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>점:</translation>
    </message>
    <message>
        <source>Take the last step back (Left arrow or Page Up); “Start again” resets</source>
        <translation>마지막 단계를 되돌립니다 (왼쪽 화살표나 Page Up). “처음부터”는 초기화합니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>{value} updates · epoch {value2}</source>
        <translation>갱신 {value}번 · 에포크 {value2}</translation>
    </message>
    <message>
        <source>Click on a plot to place points (Shift+click for target 0).</source>
        <translation>그래프를 클릭해 점을 찍으세요 (목표 0은 Shift+클릭).</translation>
    </message>
    <message>
        <source>&lt;b&gt;w1 = {value}, w0 = {value2}, h = {value3}&lt;/b&gt; · right on {value4} of {value5} points ({value6:.0f} %)</source>
        <translation>&lt;b&gt;w1 = {value}, w0 = {value2}, h = {value3}&lt;/b&gt; · 점 {value5}개 중 {value4}개 정답 ({value6:.0f} %)</translation>
    </message>
    <message>
        <source>&lt;br&gt;Press Next step to show it the first point.</source>
        <translation>&lt;br&gt;다음 단계를 눌러 첫 점을 보여 주세요.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Point ({x1}, {x0}), target {target}: w1·{x1} + w0·{x0} − h = {value} → output {output}. </source>
        <translation>&lt;br&gt;점 ({x1}, {x0}), 목표 {target}: w1·{x1} + w0·{x0} − h = {value} → 출력 {output}. </translation>
    </message>
    <message>
        <source>Right: nothing changes.</source>
        <translation>정답: 아무것도 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question (1)&lt;/b&gt;, output 1 but target 0: the sum was too big, so w1 −= {value}·{x1}, w0 −= {value}·{x0}, h += {value}.</source>
        <translation>&lt;b&gt;질문 (1)&lt;/b&gt;, 출력은 1인데 목표는 0: 합이 너무 컸으므로 w1 −= {value}·{x1}, w0 −= {value}·{x0}, h += {value}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question (2)&lt;/b&gt;, output 0 but target 1: the sum was too small, so w1 += {value}·{x1}, w0 += {value}·{x0}, h −= {value}.</source>
        <translation>&lt;b&gt;질문 (2)&lt;/b&gt;, 출력은 0인데 목표는 1: 합이 너무 작았으므로 w1 += {value}·{x1}, w0 += {value}·{x0}, h −= {value}.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Question (3)&lt;/b&gt;: a whole epoch without a mistake — it has learned; nothing changes any more.</source>
        <translation>&lt;br&gt;&lt;b&gt;질문 (3)&lt;/b&gt;: 한 에포크 내내 실수가 없습니다 — 학습을 마쳤고, 더는 아무것도 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Question (3)&lt;/b&gt;: no straight line separates these points (the red points&apos; outline and the blue points&apos; outline overlap), so the rule never stops making mistakes.</source>
        <translation>&lt;br&gt;&lt;b&gt;질문 (3)&lt;/b&gt;: 어떤 직선도 이 점들을 가르지 못하므로 (빨간 점들의 윤곽과 파란 점들의 윤곽이 겹침), 규칙은 실수를 멈추지 않습니다.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Question (3)&lt;/b&gt;: a straight line does separate these points (their outlines do not overlap), so the rule is certain to get there: until an epoch passes without a mistake. Not yet, after {epoch} epoch{value}.</source>
        <translation>&lt;br&gt;&lt;b&gt;질문 (3)&lt;/b&gt;: 직선 하나가 이 점들을 가르므로 (윤곽이 겹치지 않음), 규칙은 반드시 거기에 이릅니다: 한 에포크가 실수 없이 지나갈 때까지. 에포크 {epoch}번 뒤인 지금은 아직입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{steps} gradient steps&lt;/b&gt; (Adam, binary cross-entropy, engine layers) · loss {value} · right on {value2} of {value3} points ({value4:.0f} %)&lt;br&gt;Control, a single sigmoid neuron trained the same way ({steps2} steps): loss {value5}, right on {value6} of {value3} ({value7:.0f} %)</source>
        <translation>&lt;b&gt;경사 단계 {steps}번&lt;/b&gt; (Adam, 이진 교차 엔트로피, 엔진 층) · 손실 {value} · 점 {value3}개 중 {value2}개 정답 ({value4:.0f} %)&lt;br&gt;대조군, 같은 방식으로 학습한 시그모이드 뉴런 하나 (단계 {steps2}번): 손실 {value5}, {value3}개 중 {value6}개 정답 ({value7:.0f} %)</translation>
    </message>
    <message>
        <source> — gradient descent alone does not help one straight line.</source>
        <translation> — 경사 하강법만으로는 직선 하나를 도울 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>SideWindows</name>
    <message>
        <source>ShapeLab — Lessons</source>
        <translation>ShapeLab — 강의</translation>
    </message>
    <message>
        <source>ShapeLab — Analysis</source>
        <translation>ShapeLab — 분석</translation>
    </message>
    <message>
        <source>chosen in the analysis window</source>
        <translation>분석 창에서 고른 것</translation>
    </message>
    <message>
        <source>The gallery shows only those {n} drawing{value}; &apos;Show all&apos; brings back the rest.</source>
        <translation>갤러리는 그 그림 {n}개만 보여 줍니다. &apos;모두 보기&apos;로 나머지를 되돌립니다.</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>Starter set</source>
        <translation>기본 제공 세트</translation>
    </message>
</context>
<context>
    <name>Synth</name>
    <message>
        <source>no generator for class {label!r}; known: {known}</source>
        <extracomment>how often a triangle is turned a quarter, half, three quarters (its apex down, left, right) the largest corner rounding of triangles (fraction of the side) the longest stretch of squares (people and datasets make boxes up to ~8x as long as they are tall) squares: how often a side runs on a long way past a corner, and how far at most (fraction of the side) how often all three sides of a triangle bulge outward (a quick triangle often has curved sides)</extracomment>
        <translation>클래스 {label!r}을(를) 만드는 생성기가 없습니다. 있는 것: {known}</translation>
    </message>
    <message>
        <source>per_class must be &gt;= 0</source>
        <translation>per_class는 0 이상이어야 합니다</translation>
    </message>
</context>
<context>
    <name>TrainSettings</name>
    <message>
        <source>peak lr {lr:g} (cosine schedule)</source>
        <translation>최대 학습률 {lr:g} (코사인 스케줄)</translation>
    </message>
    <message>
        <source>lr {lr:g} (constant schedule)</source>
        <translation>학습률 {lr:g} (일정한 스케줄)</translation>
    </message>
    <message>
        <source>{rate}, label smoothing {e:g}</source>
        <translation>{rate}, 레이블 스무딩 {e:g}</translation>
    </message>
    <message>
        <source>1 epoch</source>
        <translation>1 에포크</translation>
    </message>
    <message>
        <source>{n} epochs</source>
        <translation>{n} 에포크</translation>
    </message>
    <message>
        <source>{epochs} of {n} versions</source>
        <translation>{epochs}(각 {n}개 버전)</translation>
    </message>
    <message>
        <source>{optimizer} {rate}, batch {batch}, {epochs}</source>
        <translation>{optimizer} {rate}, 배치 {batch}, {epochs}</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>epochs and batch_size must be at least 1</source>
        <translation>epochs와 batch_size는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>the learning rate must be a positive number</source>
        <translation>학습률은 양수여야 합니다</translation>
    </message>
    <message>
        <source>unknown optimizer {optimizer!r}; use &apos;adam&apos; or &apos;sgd&apos;</source>
        <translation>알 수 없는 옵티마이저 {optimizer!r}. &apos;adam&apos;이나 &apos;sgd&apos;를 쓰세요</translation>
    </message>
    <message>
        <source>ema_decay must be at least 0 and less than 1 (0 turns averaging off)</source>
        <translation>ema_decay는 0 이상 1 미만이어야 합니다 (0이면 평균을 쓰지 않음)</translation>
    </message>
    <message>
        <source>unknown schedule {schedule!r}; use &apos;cosine&apos; or &apos;constant&apos;</source>
        <translation>알 수 없는 스케줄 {schedule!r}. &apos;cosine&apos;이나 &apos;constant&apos;를 쓰세요</translation>
    </message>
    <message>
        <source>warmup must be a fraction of the steps: at least 0 and less than 1</source>
        <translation>warmup은 전체 단계에 대한 비율이어야 합니다: 0 이상 1 미만</translation>
    </message>
    <message>
        <source>label_smoothing must be at least 0 and less than 1</source>
        <translation>label_smoothing은 0 이상 1 미만이어야 합니다</translation>
    </message>
    <message>
        <source>val_per_epoch must be at least 1</source>
        <translation>val_per_epoch은 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>training images have shape {value}, the model needs {value2}</source>
        <translation>학습 이미지의 모양은 {value}인데 모델에는 {value2}이(가) 필요합니다</translation>
    </message>
    <message>
        <source>need as many integer labels as images, and at least one image</source>
        <translation>이미지 수만큼 정수 레이블이 있어야 하고, 이미지가 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>labels must be in 0..{value}</source>
        <translation>레이블은 0..{value} 범위여야 합니다</translation>
    </message>
    <message>
        <source>the training images contain values that are not finite numbers (inf or NaN)</source>
        <translation>학습 이미지에 유한한 수가 아닌 값(inf 또는 NaN)이 있습니다</translation>
    </message>
    <message>
        <source> The model keeps the running average of its weights over the latest steps (weight averaging).</source>
        <translation> 모델은 최근 단계들의 가중치 이동 평균을 유지합니다 (가중치 평균).</translation>
    </message>
    <message>
        <source>Training stopped after {steps} steps, in epoch {epoch} of {epochs}.{averaged}</source>
        <translation>{steps}단계 뒤, 에포크 {epoch}/{epochs}에서 학습이 멈췄습니다.{averaged}</translation>
    </message>
    <message>
        <source>infinite</source>
        <translation>무한대</translation>
    </message>
    <message>
        <source>not a number (NaN)</source>
        <translation>숫자가 아님(NaN)</translation>
    </message>
    <message>
        <source>Training stopped at step {step}: the loss became {what}, so the weights were growing out of control. The model keeps the last weights that gave a finite loss. Try a lower learning rate (for example {lower:g} instead of {lr:g}).</source>
        <translation>{step}단계에서 학습이 멈췄습니다: 손실이 {what}이(가) 되었습니다. 가중치가 걷잡을 수 없이 커지고 있었다는 뜻입니다. 모델은 손실이 유한했던 마지막 가중치를 유지합니다. 학습률을 낮춰 보세요 (예: {lr:g} 대신 {lower:g}).</translation>
    </message>
    <message>
        <source>Finished {epochs:,} epoch{s} ({steps:,} step{s2}).{averaged}</source>
        <translation>에포크 {epochs:,}번 완료 ({steps:,}단계).{averaged}</translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>New {preset} model with fresh random weights.</source>
        <translation>새 무작위 가중치를 가진 새 {preset} 모델.</translation>
    </message>
    <message>
        <source>To train, the network needs drawings in at least two classes. Draw a few shapes and add each to its class (keys 1–9).</source>
        <translation>학습하려면 적어도 두 클래스에 그림이 있어야 합니다. 도형을 몇 개 그려 각자의 클래스에 추가하세요 (키 1–9).</translation>
    </message>
    <message>
        <source>The classes changed since the model was trained, so it starts again from fresh weights (one output per class).</source>
        <translation>모델을 학습한 뒤 클래스가 바뀌어서, 새 가중치에서 다시 시작합니다 (클래스마다 출력 하나).</translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation>아직 학습 안 됨</translation>
    </message>
    <message>
        <source>Weights reset: the network starts from scratch.</source>
        <translation>가중치 초기화: 신경망이 처음부터 시작합니다.</translation>
    </message>
    <message>
        <source>Validation is a random share of each class again: the same people&apos;s drawings can be on both sides, so the accuracy says how well the model knows drawings like the ones it saw.</source>
        <translation>검증은 다시 각 클래스의 무작위 일부입니다: 같은 사람의 그림이 학습과 검증 양쪽에 있을 수 있으므로, 정확도는 모델이 본 것과 비슷한 그림을 얼마나 잘 아는지 말해 줍니다.</translation>
    </message>
    <message>
        <source>Validation is a random share of each class again.</source>
        <translation>검증은 다시 각 클래스의 무작위 일부입니다.</translation>
    </message>
    <message>
        <source>Validation on unseen drawers: instead of a random share of each class, every drawing of some people is kept aside. The model never trains on them, so the validation accuracy says how well it recognises drawings by people it has not seen. It is usually lower, and closer to how the model will do for a new student.</source>
        <translation>처음 보는 사람으로 검증: 각 클래스의 무작위 일부 대신, 몇몇 사람의 그림을 모두 따로 둡니다. 모델은 그 그림으로 학습하지 않으므로, 검증 정확도는 본 적 없는 사람의 그림을 얼마나 잘 알아보는지 말해 줍니다. 보통 더 낮으며, 새 학생에게서 모델이 보일 성적에 더 가깝습니다.</translation>
    </message>
    <message>
        <source>This dataset has drawings by {n} named drawer{s}; at least two are needed (File › Open a class folder…, or import classmates&apos; files).</source>
        <translation>이 데이터셋에는 이름이 있는 그린 사람 {n}명의 그림이 있습니다. 적어도 두 명이 필요합니다 (파일 › 반 폴더 열기…, 또는 반 친구들의 파일 가져오기).</translation>
    </message>
    <message>
        <source>This dataset has drawings by {n} drawers; drawings without a drawer name always train.</source>
        <translation>이 데이터셋에는 그린 사람 {n}명의 그림이 있습니다. 그린 사람 이름이 없는 그림은 언제나 학습에 쓰입니다.</translation>
    </message>
    <message>
        <source>Validation now holds out whole drawers: people the model has not seen.</source>
        <translation>이제 검증은 그린 사람 단위로 따로 둡니다: 모델이 본 적 없는 사람들입니다.</translation>
    </message>
    <message>
        <source>
… and {n} more</source>
        <translation>
… 그리고 {n}개 더</translation>
    </message>
    <message>
        <source>{n} image file{s} left out of this run (file: why):
{shown}</source>
        <translation>이번 실행에서 빠진 이미지 파일 {n}개 (파일: 이유):
{shown}</translation>
    </message>
    <message>
        <source>{n} image file{s} left out of training: {problem}</source>
        <translation>학습에서 빠진 이미지 파일 {n}개: {problem}</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>stop training before resetting the weights</source>
        <translation>가중치를 초기화하기 전에 학습을 중지하세요</translation>
    </message>
    <message>
        <source>training is already running</source>
        <translation>이미 학습 중입니다</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Tiny CNN (4 and 8 filters)</source>
        <translation>작은 CNN (필터 4개와 8개)</translation>
    </message>
    <message>
        <source>Default CNN (16 and 28 filters)</source>
        <translation>기본 CNN (필터 16개와 28개)</translation>
    </message>
    <message>
        <source>Wide CNN (32 and 64 filters, dropout)</source>
        <translation>넓은 CNN (필터 32개와 64개, 드롭아웃)</translation>
    </message>
    <message>
        <source>MLP, no convolution (for comparison)</source>
        <translation>MLP, 합성곱 없음 (비교용)</translation>
    </message>
    <message>
        <source>Two small convolution blocks: learns fast, fewer filters to look at</source>
        <translation>작은 합성곱 블록 두 개: 빨리 배우고, 볼 필터가 적음</translation>
    </message>
    <message>
        <source>[Conv → ReLU → MaxPool] × 2 → Dense → ReLU → Dense, about 92,000 weights</source>
        <translation>[Conv → ReLU → MaxPool] × 2 → Dense → ReLU → Dense, 가중치 약 92,000개</translation>
    </message>
    <message>
        <source>More filters per layer and dropout, about 220,000 weights: slower to train</source>
        <translation>층마다 필터가 더 많고 드롭아웃 사용, 가중치 약 220,000개: 학습이 더 느림</translation>
    </message>
    <message>
        <source>Only fully connected layers: no filters, no feature maps. Compare how it copes with shapes moved or drawn at another size</source>
        <translation>완전 연결층만: 필터도 특징 맵도 없음. 옮겨지거나 다른 크기로 그려진 도형을 어떻게 다루는지 비교해 보세요</translation>
    </message>
    <message>
        <source>Which network to train. Changing it starts from fresh random weights.</source>
        <translation>학습할 신경망. 바꾸면 새 무작위 가중치에서 시작합니다.</translation>
    </message>
    <message>
        <source>Drawings per mini-batch: the weights change once per mini-batch (one step)</source>
        <translation>미니배치당 그림 수: 가중치는 미니배치마다 한 번 바뀝니다 (한 단계)</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + 모멘텀</translation>
    </message>
    <message>
        <source>How gradients turn into weight changes. Adam adapts the step size per weight; SGD follows the gradient with momentum</source>
        <translation>기울기를 가중치 변화로 바꾸는 방법. Adam은 가중치마다 걸음 크기를 맞추고, SGD는 모멘텀과 함께 기울기를 따라갑니다</translation>
    </message>
    <message>
        <source>Drawings held back to check the network on examples it never trained on</source>
        <translation>신경망이 한 번도 학습하지 않은 예제로 확인하기 위해 따로 둔 그림</translation>
    </message>
    <message>
        <source>Random seed for the initial weights, the shuffling and the split: the same seed gives the same run</source>
        <translation>초기 가중치, 섞기, 나누기에 쓰는 난수 시드: 같은 시드는 같은 실행을 만듭니다</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Each epoch, show the network slightly rotated, scaled, sheared and shifted copies of the drawings, so it learns the shape rather than the exact pixels</source>
        <translation>에포크마다 그림을 조금 회전, 확대·축소, 기울이기, 이동한 사본을 보여 주어, 정확한 픽셀이 아니라 모양을 배우게 합니다</translation>
    </message>
    <message>
        <source>Average weights</source>
        <translation>가중치 평균</translation>
    </message>
    <message>
        <source>Keep a running average of the weights over the latest steps, and end training with it: the averaged network recognises new drawings more reliably than the weights of the very last step, whose mini-batch pushed them a little off. Off: the model keeps exactly the weights its last step gave it.</source>
        <translation>최근 단계들의 가중치 이동 평균을 유지하고, 학습이 끝나면 그 평균을 씁니다: 평균 낸 신경망은 마지막 미니배치에 조금 밀려난 마지막 단계의 가중치보다 새 그림을 더 믿을 만하게 알아봅니다. 끄면: 모델은 마지막 단계가 준 가중치를 그대로 가집니다.</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>모델(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>에포크(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>배치(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Learning rate</source>
        <translation>학습률(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Optimizer</source>
        <translation>옵티마이저(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Validation</source>
        <translation>검증(&amp;V)</translation>
    </message>
    <message>
        <source>See&amp;d</source>
        <translation>시드(&amp;D)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Train the network on the drawings (Ctrl+T). Continues from the current weights; Reset weights starts afresh</source>
        <translation>그림으로 신경망을 학습합니다 (Ctrl+T). 지금의 가중치에서 이어 가며, 가중치 초기화를 누르면 처음부터 시작합니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause training (Ctrl+P); press again to resume</source>
        <translation>학습 일시 정지 (Ctrl+P). 다시 누르면 계속</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Train on exactly one mini-batch, then wait (Ctrl+Shift+S): watch one weight update at a time</source>
        <translation>미니배치 하나만 학습하고 기다립니다 (Ctrl+Shift+S): 가중치 갱신을 한 번씩 지켜보세요</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop training; the weights learned so far stay</source>
        <translation>학습 중지. 지금까지 학습한 가중치는 남습니다</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <source>Forget everything learned: fresh random weights</source>
        <translation>학습한 것을 모두 잊기: 새 무작위 가중치</translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation>아직 학습 안 됨</translation>
    </message>
    <message>
        <source>Epoch, mini-batch step and the training time left: the steps to go at the speed of the latest epoch&apos;s steps, plus the waits between epochs and validations (it follows the machine&apos;s load); until the first epoch has ended it says it is estimating</source>
        <translation>에포크, 미니배치 단계, 남은 학습 시간: 남은 단계를 최근 한 에포크 단계들의 속도로 계산하고, 에포크 사이의 대기 시간과 검증 시간을 더합니다(컴퓨터의 부하를 따라갑니다). 첫 에포크가 끝날 때까지는 추정 중이라고 표시합니다</translation>
    </message>
    <message>
        <source>Which model the filters, feature maps and prediction show</source>
        <translation>필터, 특징 맵, 예측이 보여 주는 모델</translation>
    </message>
    <message>
        <source>● Data changed since training started: the model is stale. Train again to include the changes.</source>
        <translation>● 학습을 시작한 뒤 데이터가 바뀌었습니다: 모델이 오래되었습니다. 바뀐 내용을 넣으려면 다시 학습하세요.</translation>
    </message>
    <message>
        <source>One epoch shows every training drawing {n} times: itself (or, for most, a slightly changed version) and {more} augmented versions.</source>
        <translation>한 에포크는 모든 학습 그림을 {n}번 보여 줍니다: 그림 자체(대부분은 조금 바꾼 것)와 증강한 버전 {more}개.</translation>
    </message>
    <message>
        <source>One epoch shows every training drawing once.</source>
        <translation>한 에포크는 모든 학습 그림을 한 번 보여 줍니다.</translation>
    </message>
    <message>
        <source>The learning rate rises over the first steps and falls to nearly zero by the run&apos;s last step, so fewer epochs make a shorter run that still finishes its schedule.</source>
        <translation>학습률은 처음 단계들 동안 올라간 뒤 마지막 단계에서 거의 0까지 내려갑니다. 그래서 에포크가 적으면 더 짧지만 스케줄을 끝까지 마치는 학습이 됩니다.</translation>
    </message>
    <message>
        <source>Learning rate: how big each weight change is, at its peak: it rises to this over the first tenth of the steps, then falls to nearly zero by the run&apos;s last step. Too big and the loss explodes; too small and learning crawls. Arrows step 1, 2, 5 × 10ⁿ</source>
        <translation>학습률: 가중치를 한 번에 얼마나 크게 바꿀지, 그 최댓값입니다. 처음 10분의 1 단계 동안 이 값까지 올라간 뒤 마지막 단계에서 거의 0까지 내려갑니다. 너무 크면 손실이 폭발하고, 너무 작으면 학습이 느립니다. 화살표는 1, 2, 5 × 10ⁿ 단위로 움직입니다</translation>
    </message>
    <message>
        <source>The learning rate stays the same throughout.</source>
        <translation>학습률은 처음부터 끝까지 같습니다.</translation>
    </message>
    <message>
        <source>Learning rate: how big each weight change is, the same for every step. Too big and the loss explodes; too small and learning crawls. Arrows step 1, 2, 5 × 10ⁿ</source>
        <translation>학습률: 가중치를 한 번에 얼마나 크게 바꿀지, 모든 단계에서 같습니다. 너무 크면 손실이 폭발하고, 너무 작으면 학습이 느립니다. 화살표는 1, 2, 5 × 10ⁿ 단위로 움직입니다</translation>
    </message>
    <message>
        <source>Epochs: passes over the training data. {seen} {rate}</source>
        <translation>에포크: 학습 데이터를 훑는 횟수. {seen} {rate}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Continue training (Ctrl+P)</source>
        <translation>학습 계속 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Preparing the drawings…</source>
        <translation>그림을 준비하는 중…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source> · paused: loss diverging</source>
        <translation> · 일시 정지: 손실 발산</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>the helper process was shut down</source>
        <translation>도우미 프로세스가 종료되었습니다</translation>
    </message>
    <message>
        <source>the helper process ended</source>
        <translation>도우미 프로세스가 끝났습니다</translation>
    </message>
    <message>
        <source>the helper process failed: {exc}</source>
        <translation>도우미 프로세스 실패: {exc}</translation>
    </message>
    <message>
        <source>ShapeLab: a background job did not stop in time; exiting without it</source>
        <translation>ShapeLab: 백그라운드 작업이 제때 멈추지 않았습니다. 그 작업 없이 끝냅니다</translation>
    </message>
    <message>
        <source>training is already running</source>
        <translation>이미 학습 중입니다</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>사용법: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>위치 인자</translation>
    </message>
    <message>
        <source>options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>subcommands</source>
        <translation>하위 명령</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>이 도움말을 보여 주고 끝내기</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: 오류: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>인자 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>다음 인자가 필요합니다: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>인자 %s 중 하나가 필요합니다</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>알 수 없는 인자: %s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>모호한 옵션: %(option)s은(는) %(matches)s 중 어느 것일 수도 있습니다</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>잘못된 선택: %(value)r (%(choices)s 중에서 고르세요)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>잘못된 %(type)s 값: %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>값이 하나 필요합니다</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>값은 최대 하나입니다</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>값이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>값이 %s개 필요합니다</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>값이 %s개 필요합니다</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>인자 %s와(과) 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>명시한 값 %r을(를) 무시했습니다</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>예상하지 못한 옵션 문자열: %s</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>&apos;%(filename)s&apos;을(를) 열 수 없습니다: %(error)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>알 수 없는 명령 %(parser_name)r (선택지: %(choices)s)</translation>
    </message>
    <message>
        <source>argument &quot;-&quot; with mode %r</source>
        <translation>모드 %r에서 인자 &quot;-&quot;</translation>
    </message>
    <message>
        <source>conflicting option string: %s</source>
        <translation>충돌하는 옵션 문자열: %s</translation>
    </message>
    <message>
        <source>conflicting option strings: %s</source>
        <translation>충돌하는 옵션 문자열: %s</translation>
    </message>
    <message>
        <source>conflicting subparser: %s</source>
        <translation>충돌하는 하위 명령: %s</translation>
    </message>
    <message>
        <source>conflicting subparser alias: %s</source>
        <translation>충돌하는 하위 명령 별칭: %s</translation>
    </message>
    <message>
        <source>.__call__() not defined</source>
        <translation>.__call__()이 정의되지 않았습니다</translation>
    </message>
    <message>
        <source>&apos;required&apos; is an invalid argument for positionals</source>
        <translation>위치 인자에는 &apos;required&apos;를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>mutually exclusive arguments must be optional</source>
        <translation>서로 배타적인 인자는 선택 인자여야 합니다</translation>
    </message>
    <message>
        <source>%r is not callable</source>
        <translation>%r은(는) 호출할 수 없습니다</translation>
    </message>
    <message>
        <source>cannot merge actions - two groups are named %r</source>
        <translation>동작을 합칠 수 없습니다 - 두 그룹의 이름이 모두 %r입니다</translation>
    </message>
    <message>
        <source>invalid option string %(option)r: must start with a character %(prefix_chars)r</source>
        <translation>잘못된 옵션 문자열 %(option)r: %(prefix_chars)r 중 한 문자로 시작해야 합니다</translation>
    </message>
    <message>
        <source>dest= is required for options like %r</source>
        <translation>%r 같은 옵션에는 dest=가 필요합니다</translation>
    </message>
    <message>
        <source>invalid conflict_resolution value: %r</source>
        <translation>잘못된 conflict_resolution 값: %r</translation>
    </message>
    <message>
        <source>cannot have multiple subparser arguments</source>
        <translation>하위 명령 인자는 하나만 둘 수 있습니다</translation>
    </message>
</context>
</TS>
