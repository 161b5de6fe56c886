// Placeholder until the dataset checker lands (issue 3): there are no datasets yet.
console.log("data: no datasets yet");
