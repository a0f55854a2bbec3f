// These tests start real servers and time real walks (the governor test measures seconds): run the classes one
// at a time so that they do not compete with each other for the machine's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
