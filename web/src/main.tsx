// Placeholder until the web app lands (branch `web` owns web/).
document.getElementById('root')!.textContent = 'Gatehouse';
